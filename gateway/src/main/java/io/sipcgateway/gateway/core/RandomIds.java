package io.sipcgateway.gateway.core;

import io.sipcgateway.mapping.IdGenerator;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's identifiers: unguessable tags, branches and Call-IDs (RFC 3261 sections 8.1.1.4, 19.3 ask for
 * global uniqueness and cryptographic randomness), negative legacy {@code I}s for core-initiated dialogs (as the
 * real server's, section 3), and 32-hex {@code XI}s.
 */
public final class RandomIds implements IdGenerator {
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random;
    private final String host;
    private final AtomicLong legacyCallIds = new AtomicLong();

    public RandomIds(SecureRandom random, String host) {
        this.random = Objects.requireNonNull(random, "random");
        this.host = Objects.requireNonNull(host, "host");
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HEX.formatHex(b);
    }

    @Override
    public String tag() {
        return hex(6);
    }

    @Override
    public String branch() {
        return "z9hG4bK" + hex(8);
    }

    @Override
    public String callId() {
        return hex(12) + "@" + host;
    }

    @Override
    public String legacyCallId() {
        return Long.toString(-1 - (legacyCallIds.getAndIncrement() & 0x3fff_ffffL));
    }

    @Override
    public String messageId() {
        return hex(16);
    }
}
