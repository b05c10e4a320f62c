package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.mapping.presence.Pidf;
import io.sipcgateway.mapping.presence.Presence;
import io.sipcgateway.mapping.presence.PresenceUpdate;
import io.sipcgateway.mapping.presence.SipcPresenceArgs;
import io.sipcgateway.sipc.SipcCSeq;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcVersion;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;

/**
 * {@code S N: SetPresence|SetPresenceV4|PGSetPresence} ↔ PUBLISH {@code Event: presence} of PIDF + RPID (RFC 3903
 * section 4; RFC 3863; RFC 4480; reference sections 4.1, 4.2, 5.3), through the neutral {@link Presence}. A
 * {@code PGSetPresence} names a group, which PUBLISH cannot: the user's own presence is published (group lost).
 */
final class PublishMapping {
    private PublishMapping() {
    }

    static Translation toCore(SipcRequest s, LegacyContext ctx) throws ParseException, InvalidArgumentException {
        BodyResult<Presence> presence = SipcPresenceArgs.readSetPresence(s.body());
        if (presence instanceof BodyResult.Rejected<Presence> rejected) {
            return Rejections.toLegacy(s, rejected);
        }
        Optional<SipcCSeq> cseq = s.cseq();
        if (cseq.isEmpty() || s.callId().isEmpty()) {
            return Sipc.reply(s, 400, "S without I or Q");
        }
        String aor = ctx.userAor();
        Dialogs.Opened opened = Dialogs.fromLegacy(s.callId().get(), aor, ctx, ctx.correlation());
        Sip.Dialog dialog = new Sip.Dialog(opened.link().sipCallId(), aor, opened.link().localTag(), aor,
                Optional.empty(), cseq.get().number());
        Request publish = Sip.request(Request.PUBLISH, aor, dialog, ctx);
        Sip.add(publish, "Event", "presence");
        Sip.body(publish, Pidf.CONTENT_TYPE, Pidf.write(aor, ((BodyResult.Ok<Presence>) presence).value()));
        return new Translation.ToCore(List.of(publish), opened.correlation());
    }

    /** The user's own PUBLISH read back as the {@code S} their client sends; PUBLISH for others is not ours. */
    static Translation toLegacy(Request publish, CoreContext ctx) {
        String from = Sip.uri(((FromHeader) publish.getHeader(FromHeader.NAME)).getAddress());
        boolean own = ctx.identities().toLegacy(from).flatMap(Identities::sidOf).filter(ctx.user().sid()::equals)
                .isPresent();
        if (!own) {
            return new Translation.ReplyToCore(403, "Forbidden: the gateway publishes only for its own users");
        }
        BodyResult<PresenceUpdate> update = Pidf.read(Sip.content(publish));
        if (update instanceof BodyResult.Rejected<PresenceUpdate> rejected) {
            return Rejections.toCore(rejected);
        }
        SipcVersion version = ctx.user().version();
        Dialogs.Opened opened = Dialogs.fromCore(Sip.value(publish, "Call-ID").orElse(""), from, Optional.empty(),
                Optional.empty(), ctx);
        SipcHeaders headers = SipcHeaders.builder()
                .add(SipcHeaderName.FROM, ctx.user().sid())
                .add(SipcHeaderName.CALL_ID, opened.link().legacyCallId())
                .add(SipcHeaderName.CSEQ, new SipcCSeq(Sip.cseq(publish), SipcMethod.S).toString())
                .add(SipcHeaderName.EVENT, SipcVersion.V2.equals(version) ? "SetPresence" : "SetPresenceV4")
                .build();
        SipcRequest s = new SipcRequest(SipcMethod.S, Sipc.CLIENT_TARGET, version, headers,
                SipcPresenceArgs.writeSetPresence(((BodyResult.Ok<PresenceUpdate>) update).value().presence(),
                        version));
        return new Translation.ToLegacy(List.of(s), opened.correlation());
    }
}
