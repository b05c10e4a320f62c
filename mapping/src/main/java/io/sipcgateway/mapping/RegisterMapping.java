package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.mapping.table.HeaderRule;
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
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;

/**
 * {@code R} ↔ REGISTER of the user's binding at the gateway (RFC 3261 section 10; reference sections 1.4, 7).
 * Login step 1 and the chat-server {@code R A: TICKS} are the gateway's own business; login step 2 (with
 * {@code A: Digest}), keep-alives ({@code N: KeepAlive} or a bare {@code R}) and logout ({@code X: 0}) become a
 * REGISTER of {@code Contact: <sip:user@gateway>} with {@code Expires} from {@code X} or 600, the real server's
 * registration period. Lost on the way: {@code A}, {@code AK}, {@code CN}, {@code CL}, {@code N} and the
 * {@code <args>} body, all of which belong to legacy authentication, not to the core binding.
 */
final class RegisterMapping {
    /** The real server's registration period (section 1.4: {@code X: 600}). */
    static final int DEFAULT_EXPIRES = 600;
    private static final String KEEP_ALIVE = "KeepAlive";

    private RegisterMapping() {
    }

    static Translation toCore(SipcRequest request, LegacyContext ctx) throws ParseException, InvalidArgumentException {
        List<String> auth = request.headers().all(SipcHeaderName.AUTHORIZATION);
        if (auth.stream().anyMatch(a -> a.startsWith("TICKS"))) {
            return new Translation.Absorbed("R with A: TICKS registers on a chat server; the gateway is the chat "
                    + "server (reference section 6.2)");
        }
        Optional<String> expires = request.header(SipcHeaderName.EXPIRES);
        boolean keepAlive = request.event().filter(KEEP_ALIVE::equalsIgnoreCase).isPresent()
                || auth.isEmpty() && request.body().isEmpty()
                        && !request.headers().contains(SipcHeaderName.CLIENT_NONCE);
        if (auth.isEmpty() && !keepAlive && expires.isEmpty()) {
            return new Translation.Absorbed("login step 1: the gateway's legacy authentication answers with its "
                    + "401 challenge (reference section 7)");
        }
        Optional<SipcCSeq> cseq = request.cseq();
        Optional<String> legacyCallId = request.callId();
        if (cseq.isEmpty() || legacyCallId.isEmpty()) {
            return Sipc.reply(request, 400, "R without I or Q");
        }
        String registrar = "sip:" + ctx.coreDomain();
        Dialogs.Opened opened = Dialogs.fromLegacy(legacyCallId.get(), registrar, ctx, ctx.correlation());
        String aor = ctx.userAor();
        Sip.Dialog dialog = new Sip.Dialog(opened.link().sipCallId(), aor, opened.link().localTag(), aor,
                Optional.empty(), cseq.get().number());
        Request register = Sip.request(Request.REGISTER, registrar, dialog, ctx);
        register.addHeader(Sip.contact(aor, ctx));
        String seconds = expires.flatMap(x -> HeaderRule.EXPIRES.toSip(x, Values.of(ctx)))
                .orElse(Integer.toString(DEFAULT_EXPIRES));
        Sip.add(register, ExpiresHeader.NAME, seconds);
        return new Translation.ToCore(List.of(register), opened.correlation());
    }

    /**
     * A REGISTER of the user's own binding, as the client would have sent it: {@code R fetion.com.cn} with
     * {@code F}, {@code I}, {@code Q} and {@code X}; anything else is not the gateway's to answer (403).
     */
    static Translation toLegacy(Request register, CoreContext ctx) {
        Values values = Values.of(ctx);
        String callId = Sip.value(register, "Call-ID").orElse("");
        Optional<String> from = Sip.value(register, "From")
                .flatMap(f -> HeaderRule.FROM.toSipc(f, values))
                .flatMap(Identities::sidOf);
        if (from.filter(ctx.user().sid()::equals).isEmpty()) {
            return new Translation.ReplyToCore(403, "Forbidden: REGISTER for another user");
        }
        Dialogs.Opened opened = Dialogs.fromCore(callId, "sip:" + ctx.coreDomain(), Optional.empty(),
                Optional.empty(), ctx);
        SipcHeaders.Builder headers = SipcHeaders.builder()
                .add(SipcHeaderName.FROM, ctx.user().sid())
                .add(SipcHeaderName.CALL_ID, opened.link().legacyCallId());
        Sip.value(register, "CSeq").flatMap(q -> HeaderRule.CSEQ.toSipc(q, values))
                .ifPresent(q -> headers.add(SipcHeaderName.CSEQ, q));
        Sip.value(register, ExpiresHeader.NAME).flatMap(x -> HeaderRule.EXPIRES.toSipc(x, values))
                .ifPresent(x -> headers.add(SipcHeaderName.EXPIRES, x));
        SipcRequest r = new SipcRequest(SipcMethod.R, Sipc.CLIENT_TARGET, ctx.user().version(), headers.build(),
                SipcBody.EMPTY);
        return new Translation.ToLegacy(List.of(r), opened.correlation());
    }
}
