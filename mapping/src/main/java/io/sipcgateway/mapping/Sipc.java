package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The SIP-C side's shared steps: request targets and the gateway's own replies. */
final class Sipc {
    /** What clients put in the request line (section 1.1). */
    static final String CLIENT_TARGET = Identities.LEGACY_DOMAIN;

    private Sipc() {
    }

    /** True for a client's request ({@code M fetion.com.cn}); false for a server push ({@code M 916000001}). */
    static boolean clientForm(SipcRequest request) {
        return CLIENT_TARGET.equalsIgnoreCase(request.target());
    }

    /** The gateway's answer to {@code request}: {@code I} and {@code Q} echoed, as every server response does. */
    static Translation.ReplyToLegacy reply(SipcRequest request, int code, String detail) {
        SipcHeaders.Builder headers = SipcHeaders.builder();
        request.header(SipcHeaderName.CALL_ID).ifPresent(v -> headers.add(SipcHeaderName.CALL_ID, v));
        request.header(SipcHeaderName.CSEQ).ifPresent(v -> headers.add(SipcHeaderName.CSEQ, v));
        SipcResponse response = new SipcResponse(request.version(), SipcStatus.of(code, request.version()),
                headers.build(), SipcBody.EMPTY);
        return new Translation.ReplyToLegacy(response, detail);
    }

    /** {@code D:} as the real server wrote it, RFC 1123 in GMT (section 3, WIRE). */
    static String date(TranslationContext ctx) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ctx.clock().instant().atOffset(ZoneOffset.UTC))
                .replace("+0000", "GMT");
    }
}
