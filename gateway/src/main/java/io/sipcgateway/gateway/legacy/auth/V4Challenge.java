package io.sipcgateway.gateway.legacy.auth;

import java.util.Objects;

/**
 * A v4 challenge the gateway sent (section 7.2 step 3, sample 02).
 *
 * @param key 256 hex digits of RSA modulus and {@code 010001}
 * @param signature SHA1withRSA over the nonce with the same key. What the real server signed is unknown, and no
 *     client checks it (libofetion's {@code parse_sipc_reg_response()} reads only nonce and key); it is here so the
 *     header has the shape clients expect, and it at least proves the nonce came from the key's holder.
 */
public record V4Challenge(String nonce, String key, String signature) {
    public static final String ALGORITHM = "SHA1-sess-v4";

    public V4Challenge {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * The {@code W} value. The order is fixed: libofetion finds the nonce after {@code nonce} and the key after
     * {@code key} by searching for the next {@code ",}, so the key must not be the last parameter.
     */
    public String wwwAuthenticate() {
        return "Digest algorithm=\"" + ALGORITHM + "\",nonce=\"" + nonce + "\",key=\"" + key + "\",signature=\""
                + signature + "\"";
    }
}
