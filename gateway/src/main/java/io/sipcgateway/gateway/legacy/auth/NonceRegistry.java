package io.sipcgateway.gateway.legacy.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The challenges the gateway has sent and not yet seen answered. A nonce is 16 random bytes as 32 upper-case hex
 * (the form of samples 02 and 44), bound to the sid it was issued to, valid for {@link NonceRegistryConfig#ttl}
 * and usable once: {@link #redeem} removes it whatever the outcome, so every attempt, right or wrong, needs a new
 * challenge. That stops replays and bounds guessing to one try per round trip.
 *
 * <p>Caffeine behind a typed API (STYLE 5.8); tests pass a fake {@link Ticker} and {@code Runnable::run}.
 */
public final class NonceRegistry {
    private static final int NONCE_BYTES = 16;

    private final Cache<String, Issued> issued;
    private final SecureRandom random;
    private final Ticker ticker;
    private final long ttlNanos;

    public NonceRegistry(NonceRegistryConfig config, SecureRandom random, Ticker ticker, Executor executor) {
        Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.ttlNanos = config.ttl().toNanos();
        this.issued = Caffeine.newBuilder()
                .maximumSize(config.maximumSize())
                .expireAfterWrite(config.ttl())
                .ticker(ticker)
                .executor(Objects.requireNonNull(executor, "executor"))
                .build();
    }

    /** What {@link #redeem} found. */
    public enum Redemption {
        /** Issued to this sid, within its lifetime, and now used up. */
        ACCEPTED,
        /** Never issued, expired, evicted or already used: the registry cannot tell these apart. */
        UNKNOWN,
        /** Issued to another sid; it is used up all the same. */
        OTHER_ACCOUNT
    }

    /** A fresh nonce for a challenge to {@code sid}. */
    public String issue(String sid) {
        Objects.requireNonNull(sid, "sid");
        Issued entry = new Issued(sid, ticker.read());
        while (true) {
            String nonce = newNonce();
            if (issued.asMap().putIfAbsent(nonce, entry) == null) {
                return nonce;
            }
        }
    }

    /** Uses up {@code nonce}, and says whether it was a live challenge to {@code sid}. */
    public Redemption redeem(String nonce, String sid) {
        Issued entry = issued.asMap().remove(nonce);
        // Caffeine does not hand out expired entries, but an explicit check keeps the rule independent of when its
        // maintenance runs.
        if (entry == null || ticker.read() - entry.issuedAt() >= ttlNanos) {
            return Redemption.UNKNOWN;
        }
        return entry.sid().equals(sid) ? Redemption.ACCEPTED : Redemption.OTHER_ACCOUNT;
    }

    /** Open challenges, after pending expiry and eviction work has run. */
    public long size() {
        issued.cleanUp();
        return issued.estimatedSize();
    }

    private String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        return Hashing.HEX.formatHex(bytes);
    }

    private record Issued(String sid, long issuedAt) {
    }
}
