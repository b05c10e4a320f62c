package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.mapping.identity.Identity;
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
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * {@code SUB} ↔ SUBSCRIBE {@code Event: presence} (RFC 3265 section 3.1; RFC 3856; reference section 5.1). A SIP-C
 * subscription covers many presentities, a SIP one a single resource, so {@code SUB} fans out to one SUBSCRIBE per
 * buddy, each in its own dialog kept in {@link Correlation} under the {@code SUB}'s {@code I}: the URIs listed for
 * {@code N: presence}, the directory's buddy list for {@code N: PresenceV4} (which lists none), each group for
 * {@code N: PGPresence} (a resource list, with {@code Supported: eventlist}). {@code X: 0} ends them (Expires: 0).
 *
 * <p>With a resource list server (RFC 4662) the fan-out collapses to one SUBSCRIBE to the user's buddy-list URI,
 * e.g. {@code sip:alice-buddies@sipc.local} with {@code Supported: eventlist}, answered by RLMI NOTIFYs that
 * {@link NotifyMapping} already reads; it needs the list provisioned on the core (XCAP, RFC 4826), which the
 * gateway does not do yet. Back from the core, the user's own SUBSCRIBE reads as the client's {@code SUB}: a list
 * subscription as the whole buddy list, a single one as a v2 contact list (v4 can only ask for the whole list).
 */
final class SubscriptionMapping {
    private SubscriptionMapping() {
    }

    static Translation toCore(SipcRequest sub, LegacyContext ctx) throws ParseException, InvalidArgumentException {
        Optional<EventRule> rule = sub.event().flatMap(EventRule::forSipc);
        if (rule.isEmpty()) {
            return Sipc.reply(sub, 501, "SUB N: " + sub.event().orElse("") + " has no core equivalent");
        }
        Optional<SipcCSeq> cseq = sub.cseq();
        if (cseq.isEmpty() || sub.callId().isEmpty()) {
            return Sipc.reply(sub, 400, "SUB without I or Q");
        }
        List<String> targets = new ArrayList<>();
        boolean lists = rule.get() == EventRule.PG_PRESENCE;
        if (rule.get() == EventRule.PRESENCE_V4) {
            ctx.directory().buddiesOf(ctx.user().sid()).forEach(b -> targets.add(b.coreAor()));
        } else {
            BodyResult<List<String>> uris = lists ? SubscriptionArgs.groups(sub.body())
                    : SubscriptionArgs.contacts(sub.body());
            if (uris instanceof BodyResult.Rejected<List<String>> rejected) {
                return Rejections.toLegacy(sub, rejected);
            }
            for (String uri : ((BodyResult.Ok<List<String>>) uris).value()) {
                ctx.identities().toCore(uri).filter(core -> !core.equals(ctx.userAor()) && !targets.contains(core))
                        .ifPresent(targets::add);
            }
        }
        if (targets.isEmpty()) {
            sub.callId().map(i -> ctx.correlation().forLegacy(i)).orElse(List.of())
                    .forEach(link -> targets.add(link.peer()));
        }
        if (targets.isEmpty()) {
            return new Translation.Absorbed("SUB names no presentity the core knows; nothing to subscribe to");
        }
        Correlation correlation = ctx.correlation();
        List<Request> subscribes = new ArrayList<>();
        for (String target : targets) {
            Dialogs.Opened opened = Dialogs.fromLegacy(sub.callId().get(), target, ctx, correlation);
            correlation = opened.correlation();
            Correlation.Link link = opened.link();
            Sip.Dialog dialog = new Sip.Dialog(link.sipCallId(), ctx.userAor(), link.localTag(), target,
                    link.remoteTag(), cseq.get().number());
            Request subscribe = Sip.request(Request.SUBSCRIBE, target, dialog, ctx);
            subscribe.addHeader(Sip.contact(ctx.userAor(), ctx));
            Sip.add(subscribe, "Event", "presence");
            Optional<String> expires = sub.header(SipcHeaderName.EXPIRES);
            if (expires.isPresent()) {
                Sip.add(subscribe, "Expires", expires.get());
            }
            if (lists) {
                Sip.add(subscribe, "Supported", "eventlist");
                for (String type : List.of("application/pidf+xml", "application/rlmi+xml", "multipart/related")) {
                    Sip.add(subscribe, "Accept", type); // RFC 4662 section 5.1
                }
            } else {
                Sip.add(subscribe, "Accept", "application/pidf+xml");
            }
            subscribes.add(subscribe);
        }
        return new Translation.ToCore(subscribes, correlation);
    }

    /** The user's own SUBSCRIBE as their client's {@code SUB}; the core subscribing to a legacy user is not ours. */
    static Translation toLegacy(Request subscribe, CoreContext ctx) {
        Identities identities = ctx.identities();
        FromHeader from = (FromHeader) subscribe.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) subscribe.getHeader(ToHeader.NAME);
        boolean own = identities.toLegacy(Sip.uri(from.getAddress())).flatMap(Identities::sidOf)
                .filter(ctx.user().sid()::equals).isPresent();
        if (!own) {
            return new Translation.ReplyToCore(403, "Forbidden: presence of legacy users is published by the "
                    + "gateway; subscribe at the core's presence server");
        }
        String target = Sip.uri(to.getAddress());
        boolean list = Sip.value(subscribe, "Supported").filter(s -> s.contains("eventlist")).isPresent()
                || identities.byCore(target).isEmpty() && identities.toLegacy(target).isEmpty();
        SipcVersion version = ctx.user().version();
        SipcBody body;
        if (SipcVersion.V2.equals(version)) {
            List<String> uris = list ? ctx.directory().buddiesOf(ctx.user().sid()).stream()
                    .map(Identity::legacyUri).toList() : identities.toLegacy(target).stream().toList();
            body = SubscriptionArgs.contactsBody(uris);
        } else {
            body = SubscriptionArgs.wholeListBody();
        }
        Dialogs.Opened opened = Dialogs.fromCore(Sip.value(subscribe, "Call-ID").orElse(""), target,
                Optional.ofNullable(to.getTag()), Optional.ofNullable(from.getTag()), ctx);
        SipcHeaders.Builder headers = SipcHeaders.builder()
                .add(SipcHeaderName.FROM, ctx.user().sid())
                .add(SipcHeaderName.CALL_ID, opened.link().legacyCallId())
                .add(SipcHeaderName.CSEQ, new SipcCSeq(Sip.cseq(subscribe), SipcMethod.SUB).toString())
                .add(SipcHeaderName.EVENT, (SipcVersion.V2.equals(version) ? EventRule.PRESENCE
                        : EventRule.PRESENCE_V4).sipc());
        Sip.value(subscribe, "Expires").ifPresent(x -> headers.add(SipcHeaderName.EXPIRES, x));
        SipcRequest sub = new SipcRequest(SipcMethod.SUB, Sipc.CLIENT_TARGET, version, headers.build(), body);
        return new Translation.ToLegacy(List.of(sub), opened.correlation());
    }
}
