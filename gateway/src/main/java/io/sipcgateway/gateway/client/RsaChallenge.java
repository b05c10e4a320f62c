package io.sipcgateway.gateway.client;

import java.util.Objects;
import java.util.Optional;

/**
 * What a v4 client takes from the {@code W} of the {@code 401} to R #1 (section 7.2 step 3, sample 02).
 *
 * @param nonce the server nonce, encrypted back as ASCII
 * @param key 256 hex digits of RSA-1024 modulus followed by the 6 hex digits of the exponent
 */
public record RsaChallenge(String nonce, String key) {
    private static final int KEY_LENGTH = 262;

    public RsaChallenge {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Reads {@code W} the way libofetion's {@code parse_sipc_reg_response()} does: the nonce starts 7 characters
     * after {@code "nonce"}, the key 5 after the next {@code "key"}, each ending at the next {@code ",}. So a server
     * whose key is the last parameter fails here as it fails libofetion. Empty if the value is not of that shape or
     * the key is not 262 hex digits.
     */
    public static Optional<RsaChallenge> parseLibofetion(String wwwAuthenticate) {
        int n = wwwAuthenticate.indexOf("nonce");
        if (n < 0) {
            return Optional.empty();
        }
        n += 7;
        int nonceEnd = wwwAuthenticate.indexOf("\",", n);
        if (nonceEnd < 0) {
            return Optional.empty();
        }
        int k = wwwAuthenticate.indexOf("key", nonceEnd);
        if (k < 0) {
            return Optional.empty();
        }
        k += 5;
        int keyEnd = wwwAuthenticate.indexOf("\",", k);
        if (keyEnd < 0 || k > keyEnd) {
            return Optional.empty();
        }
        String key = wwwAuthenticate.substring(k, keyEnd);
        return isKey(key) ? Optional.of(new RsaChallenge(wwwAuthenticate.substring(n, nonceEnd), key))
                : Optional.empty();
    }

    /** True if {@code key} is 262 hex digits: modulus and exponent. */
    static boolean isKey(String key) {
        if (key.length() != KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.digit(key.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
