package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcRequest;
import java.util.List;

/** Picks the {@code A: Digest ...} header; a v4 R #2 after a captcha carries a second {@code A: Verify ...}. */
final class AuthHeaders {
    private AuthHeaders() {
    }

    /** The first {@code A} value with the Digest scheme, else the first {@code A} value, else null. */
    static String digest(SipcRequest request) {
        List<String> values = request.headers().all(SipcHeaderName.AUTHORIZATION);
        for (String value : values) {
            if (value.regionMatches(true, 0, "Digest", 0, 6)) {
                return value;
            }
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
