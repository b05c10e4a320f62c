package io.sipcgateway.sipc;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Q: <n> <METHOD>}, with the compact method token (section 2: {@code Q: 2 BN}, {@code Q: 94 A}). libofetion
 * sends {@code 200002} for some requests, so the number is a long.
 */
public record SipcCSeq(long number, SipcMethod method) {
    public SipcCSeq {
        Objects.requireNonNull(method, "method");
        if (number < 0) {
            throw new IllegalArgumentException("negative CSeq number: " + number);
        }
    }

    /** Parses {@code "<n> <METHOD>"}; empty if it is not of that form. */
    public static Optional<SipcCSeq> tryParse(String value) {
        String v = value.strip();
        int space = v.indexOf(' ');
        if (space <= 0 || space > 18) {
            return Optional.empty();
        }
        for (int i = 0; i < space; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        String token = v.substring(space + 1).strip();
        if (!SipcSyntax.isToken(token)) {
            return Optional.empty();
        }
        return Optional.of(new SipcCSeq(Long.parseLong(v, 0, space, 10), SipcMethod.of(token)));
    }

    @Override
    public String toString() {
        return number + " " + method.token();
    }
}
