package io.sipcgateway.gateway.legacy.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A v2 client's {@code A} header (section 7.1 step 4), in one of its two forms:
 * <ul>
 *   <li>{@code Digest response="<32 HEX>",cnonce="<32 HEX>"}: MD5-sess (PF2, PyFetion "2006" mode, libfetion);</li>
 *   <li>{@code Digest algorithm="SHA1-sess",response="<32 HEX>",cnonce="<32 HEX>",salt="<8 HEX>"}: the official
 *       client (sample 45).</li>
 * </ul>
 */
public sealed interface V2Authorization permits V2Authorization.Md5Sess, V2Authorization.Sha1Sess {
    int MAX_CNONCE_LENGTH = 128;

    /** The 32 upper-case hex digits the client computed. */
    String response();

    /** The client nonce, exactly as sent: it goes into {@code H1} byte for byte. */
    String cnonce();

    record Md5Sess(String response, String cnonce) implements V2Authorization {
        public Md5Sess {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(cnonce, "cnonce");
        }
    }

    /** @param salt the 4 salt bytes as 8 upper-case hex, e.g. {@code 5FE81000} */
    record Sha1Sess(String response, String cnonce, String salt) implements V2Authorization {
        public Sha1Sess {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(cnonce, "cnonce");
            Objects.requireNonNull(salt, "salt");
        }
    }

    /** Reads an {@code A} value; anything else than the two forms is {@link ParseResult.Malformed} with a reason. */
    static ParseResult<V2Authorization> parse(String header) {
        ParseResult<Map<String, String>> parsed = DigestParams.parse(header, "Digest");
        if (parsed instanceof ParseResult.Malformed<Map<String, String>> bad) {
            return ParseResult.malformed(bad.reason());
        }
        Map<String, String> params = ((ParseResult.Ok<Map<String, String>>) parsed).value();
        String response = params.get("response");
        if (response == null) {
            return ParseResult.malformed("no response parameter");
        }
        if (!isHex(response, 32)) {
            return ParseResult.malformed("response: expected 32 hex digits, got '" + DigestParams.abbreviate(response)
                    + "'");
        }
        String cnonce = params.get("cnonce");
        if (cnonce == null) {
            return ParseResult.malformed("no cnonce parameter");
        }
        if (cnonce.isEmpty() || cnonce.length() > MAX_CNONCE_LENGTH || !isVisibleAscii(cnonce)) {
            return ParseResult.malformed("cnonce: expected 1 to " + MAX_CNONCE_LENGTH + " visible ASCII characters");
        }
        String upper = response.toUpperCase(Locale.ROOT);
        String algorithm = params.getOrDefault("algorithm", "MD5-sess");
        if (algorithm.equalsIgnoreCase("MD5-sess")) {
            return ParseResult.ok(new Md5Sess(upper, cnonce));
        }
        if (!algorithm.equalsIgnoreCase("SHA1-sess")) {
            return ParseResult.malformed("unsupported algorithm '" + DigestParams.abbreviate(algorithm) + "'");
        }
        String salt = params.get("salt");
        if (salt == null || !isHex(salt, 8)) {
            return ParseResult.malformed("SHA1-sess needs salt: 8 hex digits");
        }
        return ParseResult.ok(new Sha1Sess(upper, cnonce, salt.toUpperCase(Locale.ROOT)));
    }

    private static boolean isHex(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
