package io.sipcgateway.gateway.core;

import io.sipcgateway.mapping.IdGenerator;
import java.security.NoSuchAlgorithmException;
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
    /**
     * One generator per thread: the default {@code NativePRNG} serialises every {@code nextBytes} of the process on
     * one lock, and each relayed message takes several ids on the Netty and jain-sip threads (JFR showed them
     * blocked there). Each thread's DRBG is seeded once from {@link #random}.
     */
    private final ThreadLocal<SecureRandom> perThread;
    private final String host;
    private final AtomicLong legacyCallIds = new AtomicLong();

    public RandomIds(SecureRandom random, String host) {
        this.random = Objects.requireNonNull(random, "random");
        this.perThread = ThreadLocal.withInitial(this::newGenerator);
        this.host = Objects.requireNonNull(host, "host");
    }

    private SecureRandom newGenerator() {
        byte[] seed = new byte[32];
        synchronized (random) {
            random.nextBytes(seed);
        }
        try {
            SecureRandom generator = SecureRandom.getInstance("DRBG");
            generator.setSeed(seed);
            return generator;
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom(seed); // DRBG is in every JDK since 9; the fallback only keeps this total
        }
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        perThread.get().nextBytes(b);
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
