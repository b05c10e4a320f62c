package io.sipcgateway.gateway.legacy.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A v4 client's {@code A: Digest response="<256 hex>",algorithm="SHA1-sess-v4"} (section 7.2 step 4, sample 03).
 *
 * @param response the RSA ciphertext as 256 upper-case hex digits
 */
public record V4Authorization(String response) {
    public V4Authorization {
        Objects.requireNonNull(response, "response");
    }

    /** The ciphertext bytes. */
    public byte[] ciphertext() {
        return Hashing.HEX.parseHex(response);
    }

    /** Reads an {@code A} value; {@link ParseResult.Malformed} says why it is not the v4 form. */
    public static ParseResult<V4Authorization> parse(String header) {
        ParseResult<Map<String, String>> parsed = DigestParams.parse(header, "Digest");
        if (parsed instanceof ParseResult.Malformed<Map<String, String>> bad) {
            return ParseResult.malformed(bad.reason());
        }
        Map<String, String> params = ((ParseResult.Ok<Map<String, String>>) parsed).value();
        String algorithm = params.get("algorithm");
        if (algorithm == null || !algorithm.equalsIgnoreCase(V4Challenge.ALGORITHM)) {
            return ParseResult.malformed("expected algorithm " + V4Challenge.ALGORITHM + ", got "
                    + (algorithm == null ? "none" : "'" + DigestParams.abbreviate(algorithm) + "'"));
        }
        String response = params.get("response");
        if (response == null) {
            return ParseResult.malformed("no response parameter");
        }
        int expected = V4KeyPair.BLOCK_BYTES * 2;
        if (response.length() != expected) {
            return ParseResult.malformed("response: expected " + expected + " hex digits (one RSA-"
                    + V4KeyPair.MODULUS_BITS + " block), got " + response.length() + " characters");
        }
        for (int i = 0; i < response.length(); i++) {
            if (Character.digit(response.charAt(i), 16) < 0) {
                return ParseResult.malformed("response: not hex at index " + i);
            }
        }
        return ParseResult.ok(new V4Authorization(response.toUpperCase(Locale.ROOT)));
    }
}
