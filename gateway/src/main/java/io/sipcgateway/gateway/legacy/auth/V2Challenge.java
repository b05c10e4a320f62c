package io.sipcgateway.gateway.legacy.auth;

import java.util.Objects;

/** A v2 challenge the gateway sent: the session keeps it to verify R #2, whose {@code A} does not repeat it. */
public record V2Challenge(String nonce) {
    public V2Challenge {
        Objects.requireNonNull(nonce, "nonce");
    }

    /** The {@code W} value: {@code Digest algorithm="MD5-sess;SHA1-sess",nonce="<32 HEX>"} (sample 44). */
    public String wwwAuthenticate() {
        return V2Digest.wwwAuthenticate(nonce);
    }
}
