package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcVersion;

/**
 * The responses of a login and its follow-ups, in the request's version, echoing its {@code I} and {@code Q}.
 * Header sets follow the captures: v2 401 {@code I Q W} (sample 44), v4 401 {@code F I Q W} (sample 02), login and
 * keep-alive 200 {@code I Q X L} (samples 46, 06, 37). {@code L} is computed when the message is written.
 */
public final class LoginResponses {
    /** Registration lifetime in seconds, on every login and keep-alive 200 (section 1.4). */
    public static final int REGISTRATION_EXPIRES = 600;

    private LoginResponses() {
    }

    /** {@code SIP-C/2.0 401 Unauthorized} or {@code SIP-C/4.0 401 Unauthoried} (sic) with {@code W}. */
    public static SipcResponse unauthorized(SipcRequest request, String wwwAuthenticate) {
        SipcHeaders.Builder headers = SipcHeaders.builder();
        if (SipcVersion.V4.equals(request.version())) {
            request.header(SipcHeaderName.FROM).ifPresent(f -> headers.add(SipcHeaderName.FROM, f));
        }
        echo(request, headers).add(SipcHeaderName.WWW_AUTHENTICATE, wwwAuthenticate);
        return new SipcResponse(request.version(), SipcStatus.of(401, request.version()), headers.build(),
                SipcBody.EMPTY);
    }

    /** {@code 200 OK} with {@code X: 600} and {@code body}: the login answer, or the v4 keep-alive answer. */
    public static SipcResponse registered(SipcRequest request, String body) {
        SipcHeaders.Builder headers = echo(request, SipcHeaders.builder())
                .add(SipcHeaderName.EXPIRES, Integer.toString(REGISTRATION_EXPIRES));
        return new SipcResponse(request.version(), SipcStatus.OK, headers.build(), SipcBody.ofUtf8(body));
    }

    /** {@code 200 OK} with {@code body}: the answer to an {@code S} request. */
    public static SipcResponse ok(SipcRequest request, String body) {
        return new SipcResponse(request.version(), SipcStatus.OK, echo(request, SipcHeaders.builder()).build(),
                SipcBody.ofUtf8(body));
    }

    /** A body-less status, e.g. {@code 400} for an unreadable {@code A} header. */
    public static SipcResponse status(SipcRequest request, int code) {
        return new SipcResponse(request.version(), SipcStatus.of(code, request.version()),
                echo(request, SipcHeaders.builder()).build(), SipcBody.EMPTY);
    }

    private static SipcHeaders.Builder echo(SipcRequest request, SipcHeaders.Builder headers) {
        request.header(SipcHeaderName.CALL_ID).ifPresent(i -> headers.add(SipcHeaderName.CALL_ID, i));
        request.header(SipcHeaderName.CSEQ).ifPresent(q -> headers.add(SipcHeaderName.CSEQ, q));
        return headers;
    }
}
