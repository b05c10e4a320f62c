package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.mapping.im.IsComposing;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcCSeq;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;

/**
 * {@code IN <is-composing>} ↔ MESSAGE (reference section 6.1; RFC 3994): {@code input}/{@code keep-alive} travel as
 * {@code application/im-iscomposing+xml} {@code active}/{@code idle}; a nudge or {@code fetion-show:..}, which RFC
 * 3994 cannot say, as the SIP-C document itself in {@code application/vnd.fetion.is-composing+xml}
 * ({@link IsComposing}). Other {@code IN} bodies (file transfer, {@code N: TransferV4}) are answered 501.
 */
final class InfoMapping {
    private InfoMapping() {
    }

    static Translation toCore(SipcRequest in, LegacyContext ctx) throws ParseException, InvalidArgumentException {
        if (in.event().isPresent()) {
            return Sipc.reply(in, 501, "IN N: " + in.event().get() + " has no core equivalent");
        }
        BodyResult<String> state = IsComposing.readSipc(in.body());
        if (state instanceof BodyResult.Rejected<String> rejected) {
            return rejected.problem() == Problem.MALFORMED || rejected.problem() == Problem.TOO_LARGE
                    ? Rejections.toLegacy(in, rejected)
                    : Sipc.reply(in, 501, "IN without <is-composing> (file transfer?) has no core equivalent");
        }
        Parties.Either parties = Parties.of(in, ctx);
        Optional<SipcCSeq> cseq = in.cseq();
        if (!parties.ok() || cseq.isEmpty() || in.callId().isEmpty()) {
            return Sipc.reply(in, parties.ok() ? 400 : 404, parties.ok() ? "IN without I or Q" : parties.problem());
        }
        Parties p = parties.parties();
        Dialogs.Opened opened = Dialogs.fromLegacy(in.callId().get(), p.peer(), ctx, ctx.correlation());
        Sip.Dialog dialog = new Sip.Dialog(opened.link().sipCallId(), p.from(), opened.link().localTag(), p.to(),
                Optional.empty(), cseq.get().number());
        Request message = Sip.request(Request.MESSAGE, p.to(), dialog, ctx);
        IsComposing.CoreBody body = IsComposing.toCore(((BodyResult.Ok<String>) state).value());
        Sip.body(message, body.contentType(), body.body());
        return new Translation.ToCore(List.of(message), opened.correlation());
    }

    /** A MESSAGE carrying an is-composing body, as the {@code IN} of its sender's or its recipient's side. */
    static Translation toLegacy(Request message, String contentType, CoreContext ctx) {
        BodyResult<String> state = IsComposing.fromCore(contentType, Sip.content(message));
        if (state instanceof BodyResult.Rejected<String> rejected) {
            return Rejections.toCore(rejected);
        }
        Parties.CoreEither resolved = Parties.Core.of(message, ctx);
        if (resolved.parties() == null) {
            return resolved.problem();
        }
        Parties.Core parties = resolved.parties();
        String fromUri = parties.fromUri();
        String toUri = parties.toUri();
        boolean clientForm = parties.clientForm();
        Dialogs.Opened opened = Dialogs.fromCore(Sip.value(message, "Call-ID").orElse(""),
                clientForm ? toUri : fromUri, Optional.empty(), Optional.empty(), ctx);
        SipcHeaders.Builder headers = SipcHeaders.builder()
                .add(SipcHeaderName.FROM, clientForm ? ctx.user().sid() : parties.legacyFrom())
                .add(SipcHeaderName.CALL_ID, opened.link().legacyCallId());
        // the table reads CSeq MESSAGE as M; this MESSAGE stands for an IN
        headers.add(SipcHeaderName.CSEQ, new SipcCSeq(Sip.cseq(message), SipcMethod.IN).toString());
        if (clientForm) {
            headers.add(SipcHeaderName.TO, parties.legacyTo());
        }
        String target = clientForm ? Sipc.CLIENT_TARGET : Identities.sidOf(parties.legacyTo()).orElse(ctx.user().sid());
        SipcBody body = IsComposing.writeSipc(((BodyResult.Ok<String>) state).value());
        SipcRequest in = new SipcRequest(SipcMethod.IN, target, ctx.user().version(), headers.build(), body);
        return new Translation.ToLegacy(List.of(in), opened.correlation());
    }
}
