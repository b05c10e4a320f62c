package io.sipcgateway.gateway.legacy.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of a {@link NonceRegistry}.
 *
 * @param ttl how long a challenge can be answered; clients answer at once (libofetion sends R #2 right after the
 *     401), so minutes are generous
 * @param maximumSize how many open challenges are kept; beyond it the oldest are dropped, so a flood of R #1s costs
 *     bounded memory and at worst makes a slow client log in again
 */
public record NonceRegistryConfig(Duration ttl, long maximumSize) {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;
    public static final NonceRegistryConfig DEFAULT = new NonceRegistryConfig(DEFAULT_TTL, DEFAULT_MAXIMUM_SIZE);

    public NonceRegistryConfig {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be positive: " + maximumSize);
        }
    }
}
