package io.sipcgateway.sipc;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A SIP-C method token. The known tokens are the ones reference section 2 gives evidence for; any other valid token
 * is kept as an extension method, not rejected (an open set, like Netty's {@code HttpMethod}). Tokens are
 * case-sensitive, as in SIP (RFC 3261 7.1). {@code NEG} and {@code REF} are absent on purpose: no source gives a
 * token for them.
 */
public final class SipcMethod {
    public static final SipcMethod R = known("R", "REGISTER");
    public static final SipcMethod S = known("S", "SERVICE");
    public static final SipcMethod SUB = known("SUB", "SUBSCRIBE");
    /** "BENOTIFY": server push; the client never answers it (section 2, WIRE). */
    public static final SipcMethod BN = known("BN", "BENOTIFY");
    public static final SipcMethod M = known("M", "MESSAGE");
    public static final SipcMethod I = known("I", "INVITE");
    public static final SipcMethod A = known("A", "ACK");
    public static final SipcMethod B = known("B", "BYE");
    public static final SipcMethod IN = known("IN", "INFO");
    public static final SipcMethod O = known("O", "OPTIONS");
    /** Enumerated by kopete-fetion and libnofetion only; never seen on the wire. */
    public static final SipcMethod NB = known("NB", "NOTIFY");
    /** NOTIFY with a PIDF body; code only (PF2, QFetion), unverified. */
    public static final SipcMethod N = known("N", "NOTIFY");
    /** CANCEL; QFetion maps the CSeq method {@code C}, unverified. */
    public static final SipcMethod C = known("C", "CANCEL");

    private static final Map<String, SipcMethod> KNOWN = Stream.of(R, S, SUB, BN, M, I, A, B, IN, O, NB, N, C)
            .collect(Collectors.toUnmodifiableMap(SipcMethod::token, Function.identity()));

    private final String token;
    private final String longName;
    private final boolean known;

    private SipcMethod(String token, String longName, boolean known) {
        this.token = token;
        this.longName = longName;
        this.known = known;
    }

    private static SipcMethod known(String token, String longName) {
        return new SipcMethod(token, longName, true);
    }

    /** The known method for {@code token}, or a new extension method; rejects what is not an RFC 3261 token. */
    public static SipcMethod of(String token) {
        SipcMethod method = KNOWN.get(Objects.requireNonNull(token, "token"));
        if (method != null) {
            return method;
        }
        if (!SipcSyntax.isToken(token)) {
            throw new IllegalArgumentException("not a method token: '" + token + "'");
        }
        return new SipcMethod(token, token, false);
    }

    /** The compact token used on the wire and in {@code Q}, e.g. {@code SUB}. */
    public String token() {
        return token;
    }

    /** The SIP analogue's name (reference section 2), or the token itself for an extension method. */
    public String longName() {
        return longName;
    }

    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SipcMethod other && token.equals(other.token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    @Override
    public String toString() {
        return token;
    }
}
