package io.sipcgateway.mapping;

import io.sipcgateway.mapping.table.HeaderRule;
import io.sipcgateway.mapping.table.StatusRule;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcVersion;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Responses both ways, each answering the request it is given ({@link StatusRule}; reference sections 1.1, 6.1).
 * Toward the legacy client the response echoes the original's {@code I} and {@code Q} (every server response did),
 * {@code T} for {@code M}/{@code IN}/{@code I}/{@code B} (the server echoed it, WIRE samples 63, 73), {@code X}
 * from {@code Expires}, {@code D} and {@code XI} when the core sent them. Provisional responses stay with the
 * gateway: a legacy client only ever saw {@code 100} for {@code I}, which the gateway answers itself.
 */
final class ResponseMapping {
    /**
     * Section 7.4: libofetion dereferences this element of a 280. The limits are the public ones of the FIXTURE
     * (sample 24); the core knows no SMS quota, so the counts stay 0.
     */
    static final String SMS_RESULTS = "<results><frequency day-limit=\"600\" day-count=\"0\" "
            + "month-limit=\"10000\" month-count=\"0\"/></results>";
    private static final Set<SipcMethod> ECHO_TO = Set.of(SipcMethod.M, SipcMethod.IN, SipcMethod.I, SipcMethod.B);

    private ResponseMapping() {
    }

    static Translation toLegacy(Response response, SipcRequest original, CoreContext ctx) {
        int code = response.getStatusCode();
        if (code < 200) {
            return new Translation.Absorbed("provisional " + code + " stays with the gateway");
        }
        boolean sms = original.method().equals(SipcMethod.M)
                && original.event().filter(MessageMapping.SMS_FORMS::contains).isPresent();
        StatusRule rule = sms && code / 100 == 2 ? StatusRule.SEND_SMS_OK : StatusRule.forSip(code);
        SipcStatus status = rule.sipcStatus(original.version());
        Values values = Values.of(ctx);
        SipcHeaders.Builder headers = SipcHeaders.builder();
        original.header(SipcHeaderName.CALL_ID).ifPresent(i -> headers.add(SipcHeaderName.CALL_ID, i));
        original.header(SipcHeaderName.CSEQ).ifPresent(q -> headers.add(SipcHeaderName.CSEQ, q));
        if (ECHO_TO.contains(original.method())) {
            original.header(SipcHeaderName.TO).ifPresent(t -> headers.add(SipcHeaderName.TO, t));
        }
        for (HeaderRule copied : List.of(HeaderRule.EXPIRES, HeaderRule.DATE, HeaderRule.MESSAGE_ID)) {
            Sip.value(response, copied.sip()).flatMap(v -> copied.toSipc(v, values))
                    .ifPresent(v -> headers.add(copied.sipc(), v));
        }
        // the v2 server sent its 280 bare (WIRE sample 73); libofetion (v4) needs the body (section 7.4)
        SipcBody body = rule == StatusRule.SEND_SMS_OK && !SipcVersion.V2.equals(original.version())
                ? SipcBody.ofUtf8(SMS_RESULTS) : SipcBody.EMPTY;
        SipcResponse legacy = new SipcResponse(original.version(), status, headers.build(), body);
        return new Translation.ToLegacy(List.of(legacy), learnRemoteTag(response, ctx.correlation()));
    }

    /** A 2xx to a request the gateway sent carries the core's tag: later in-dialog requests need it. */
    private static Correlation learnRemoteTag(Response response, Correlation correlation) {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        Optional<String> callId = Sip.value(response, "Call-ID");
        if (response.getStatusCode() / 100 != 2 || to == null || to.getTag() == null || callId.isEmpty()) {
            return correlation;
        }
        return correlation.forSip(callId.get()).filter(l -> l.remoteTag().isEmpty())
                .map(l -> correlation.with(l.withRemoteTag(to.getTag()))).orElse(correlation);
    }

    static Translation toCore(SipcResponse response, Request original, LegacyContext ctx) throws ParseException {
        StatusRule rule = StatusRule.forSipc(response.code());
        Response sip = Sip.MESSAGES.createResponse(rule.sipCode(), original);
        sip.setReasonPhrase(rule.sipReason());
        ToHeader to = (ToHeader) sip.getHeader(ToHeader.NAME);
        if (to.getTag() == null && rule.sipCode() > 100) {
            // RFC 3261 section 8.2.6.2: a UAS response outside a dialog gets a To tag
            to.setTag(ctx.ids().tag());
        }
        Values values = Values.of(ctx);
        for (HeaderRule copied : List.of(HeaderRule.EXPIRES, HeaderRule.DATE, HeaderRule.MESSAGE_ID)) {
            for (String v : response.headers().all(copied.sipc())) {
                Optional<String> converted = copied.toSip(v, values);
                if (converted.isPresent()) {
                    Sip.add(sip, copied.sip(), converted.get());
                }
            }
        }
        return new Translation.ResponseToCore(sip);
    }
}
