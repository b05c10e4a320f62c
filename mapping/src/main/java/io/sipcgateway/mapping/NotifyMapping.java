package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.mapping.identity.Identity;
import io.sipcgateway.mapping.presence.Pidf;
import io.sipcgateway.mapping.presence.PresenceUpdate;
import io.sipcgateway.mapping.presence.RlmiNotify;
import io.sipcgateway.mapping.presence.SipcPresenceEvents;
import io.sipcgateway.mapping.table.EventRule;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcCSeq;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcVersion;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.header.FromHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * NOTIFY ↔ {@code BN} (RFC 3265 section 3.2, RFC 4662 section 5; reference sections 5.1, 5.2). A presence document
 * ({@code application/pidf+xml}, {@code application/cpim-pidf+xml}) or an RLMI {@code multipart/related} list
 * becomes one {@code BN} in the client's version: {@code N: presence} with URIs for v2, {@code N: PresenceV4} with
 * user-ids for v4. Resources the directory cannot name for the client are left out (a v4 body needs a user-id);
 * a NOTIFY naming none of them is answered 404. Back, each presence in a {@code BN} is one NOTIFY with PIDF in its
 * buddy's subscription dialog. {@code Subscription-State} expiry ↔ {@code X}; a {@code BN X: 0} means "went
 * offline" (WIRE sample 52), not the end of the subscription, so it is written {@code active} without expiry.
 */
final class NotifyMapping {
    private NotifyMapping() {
    }

    static Translation toLegacy(Request notify, CoreContext ctx) {
        SipcVersion version = ctx.user().version();
        Optional<EventRule> rule = Sip.value(notify, "Event").flatMap(e -> EventRule.forSip(e, version));
        if (rule.isEmpty()) {
            return new Translation.ReplyToCore(489, "Bad Event: no legacy event package for "
                    + Sip.value(notify, "Event").orElse("a NOTIFY without Event"));
        }
        byte[] body = Sip.content(notify);
        if (body.length == 0) {
            return new Translation.Absorbed("NOTIFY without a presence document: nothing to tell the client");
        }
        String contentType = Sip.value(notify, "Content-Type").orElse("");
        BodyResult<List<PresenceUpdate>> read = Pidf.isPidf(contentType) ? Pidf.read(body).map(List::of)
                : contentType.toLowerCase().startsWith("multipart/related") ? RlmiNotify.read(body, contentType)
                : BodyResult.rejected(Problem.UNSUPPORTED, "NOTIFY body " + contentType);
        if (read instanceof BodyResult.Rejected<List<PresenceUpdate>> rejected) {
            return Rejections.toCore(rejected);
        }
        List<PresenceUpdate> updates = ((BodyResult.Ok<List<PresenceUpdate>>) read).value();
        Identities identities = ctx.identities();
        List<PresenceUpdate> v2 = new ArrayList<>();
        List<SipcPresenceEvents.V4Contact> v4 = new ArrayList<>();
        for (PresenceUpdate update : updates) {
            Optional<String> legacyUri = identities.toLegacy(update.identity());
            Optional<Identity> known = identities.byCore(update.identity()).filter(i -> i.userId().isPresent());
            legacyUri.ifPresent(uri -> v2.add(new PresenceUpdate(uri, update.presence())));
            known.ifPresent(i -> v4.add(new SipcPresenceEvents.V4Contact(i.userId().get(), i.sid(),
                    i.legacyUri(), update.presence())));
        }
        boolean isV2 = SipcVersion.V2.equals(version);
        if (isV2 ? v2.isEmpty() : v4.isEmpty()) {
            return new Translation.ReplyToCore(404, "Not Found: no legacy identity for the presentities of "
                    + updates.stream().map(PresenceUpdate::identity).toList());
        }
        FromHeader from = (FromHeader) notify.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) notify.getHeader(ToHeader.NAME);
        Dialogs.Opened opened = Dialogs.fromCore(Sip.value(notify, "Call-ID").orElse(""), Sip.uri(from.getAddress()),
                Optional.ofNullable(from.getTag()), Optional.ofNullable(to.getTag()), ctx);
        SipcHeaders.Builder headers = SipcHeaders.builder()
                .add(SipcHeaderName.CALL_ID, opened.link().legacyCallId())
                .add(SipcHeaderName.CSEQ, new SipcCSeq(Sip.cseq(notify), SipcMethod.BN).toString())
                .add(SipcHeaderName.EVENT, rule.get().sipc());
        SubscriptionStateHeader state = (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
        if (state != null && SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(state.getState())) {
            headers.add(SipcHeaderName.EXPIRES, "0");
        } else if (state != null && state.getExpires() >= 0) {
            headers.add(SipcHeaderName.EXPIRES, Integer.toString(state.getExpires()));
        }
        SipcBody events = isV2 ? SipcPresenceEvents.writeV2(v2) : SipcPresenceEvents.writeV4(v4);
        SipcRequest bn = new SipcRequest(SipcMethod.BN, ctx.user().sid(), version, headers.build(), events);
        return new Translation.ToLegacy(List.of(bn), opened.correlation());
    }

    /** A {@code BN} (or the code-only {@code N}) pushed to the context user: one NOTIFY per presence in it. */
    static Translation toCore(SipcRequest bn, LegacyContext ctx) throws ParseException, InvalidArgumentException {
        Optional<EventRule> rule = bn.event().flatMap(EventRule::forSipc);
        if (rule.isEmpty()) {
            return Sipc.reply(bn, 501, bn.method() + " N: " + bn.event().orElse("") + " has no core equivalent");
        }
        boolean v4 = rule.get() == EventRule.PRESENCE_V4;
        BodyResult<List<PresenceUpdate>> read = v4 ? SipcPresenceEvents.readV4(bn.body())
                : SipcPresenceEvents.readV2(bn.body());
        if (read instanceof BodyResult.Rejected<List<PresenceUpdate>> rejected) {
            return Rejections.toLegacy(bn, rejected);
        }
        Optional<SipcCSeq> cseq = bn.cseq();
        if (cseq.isEmpty() || bn.callId().isEmpty()) {
            return Sipc.reply(bn, 400, bn.method() + " without I or Q");
        }
        Identities identities = ctx.identities();
        Optional<String> expires = bn.header(SipcHeaderName.EXPIRES).filter(x -> !x.equals("0"));
        Correlation correlation = ctx.correlation();
        List<Request> notifies = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (PresenceUpdate update : ((BodyResult.Ok<List<PresenceUpdate>>) read).value()) {
            Optional<String> buddy = v4 ? ctx.directory().byUserId(update.identity()).map(Identity::coreAor)
                    : identities.toCore(update.identity());
            if (buddy.isEmpty()) {
                unknown.add(update.identity()); // names nobody on the core; the others still go
                continue;
            }
            Dialogs.Opened opened = Dialogs.fromLegacy(bn.callId().get(), buddy.get(), ctx, correlation);
            Correlation.Link link = opened.link();
            if (link.remoteTag().isEmpty()) {
                link = link.withRemoteTag(ctx.ids().tag());
            }
            correlation = opened.correlation().with(link);
            Sip.Dialog dialog = new Sip.Dialog(link.sipCallId(), buddy.get(), link.remoteTag().get(),
                    ctx.userAor(), Optional.of(link.localTag()), cseq.get().number());
            Request notify = Sip.request(Request.NOTIFY, contactUri(ctx), dialog, ctx);
            Sip.add(notify, "Event", "presence");
            Sip.add(notify, SubscriptionStateHeader.NAME, "active" + expires.map(x -> ";expires=" + x).orElse(""));
            Sip.body(notify, Pidf.CONTENT_TYPE, Pidf.write(buddy.get(), update.presence()));
            notifies.add(notify);
        }
        if (notifies.isEmpty()) {
            return Sipc.reply(bn, 404, "the directory knows none of " + (v4 ? "the user-ids " : "the URIs ")
                    + unknown + " in the " + bn.method());
        }
        return new Translation.ToCore(notifies, correlation);
    }

    /** Where the core reaches the user: its Contact at the gateway (RFC 3265 3.2: NOTIFY goes to the Contact). */
    private static String contactUri(TranslationContext ctx) {
        return "sip:" + Identities.userOf(ctx.userAor()) + '@' + ctx.gateway() + ";transport=tcp";
    }
}
