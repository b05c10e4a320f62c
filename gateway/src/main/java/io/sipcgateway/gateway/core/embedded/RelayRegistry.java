package io.sipcgateway.gateway.core.embedded;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * MESSAGE relays awaiting their final response, bounded, each living until its relay timeout. Whoever removes a
 * relay answers the caller, exactly once: {@link #finish} when the outcomes decide it, {@code onExpired} when
 * Caffeine drops it (timeout, or pushed out by the size bound).
 */
final class RelayRegistry {
    private final Cache<Key, Relay> cache;
    private final Ticker ticker;

    RelayRegistry(long maximumSize, RegistryTiming timing, Consumer<Relay> onExpired) {
        Objects.requireNonNull(onExpired, "onExpired");
        this.ticker = timing.ticker();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiring.<Key, Relay>expiry())
                .ticker(timing.ticker())
                .executor(timing.executor())
                .scheduler(timing.scheduler())
                .<Key, Relay>removalListener((key, value, cause) -> {
                    if (cause.wasEvicted() && value != null) {
                        onExpired.accept(value);
                    }
                })
                .build();
    }

    long now() {
        return ticker.read();
    }

    void put(Relay relay) {
        cache.put(new Key(relay.id()), relay);
    }

    /** Adds a branch outcome; empty when the relay was already answered. */
    Optional<Relay> record(String id, Relay.Outcome outcome) {
        return Optional.ofNullable(cache.asMap().computeIfPresent(new Key(id), (k, r) -> r.with(outcome)));
    }

    /** Removes the relay; present only for the one caller that gets to answer it. */
    Optional<Relay> finish(String id) {
        return Optional.ofNullable(cache.asMap().remove(new Key(id)));
    }

    long size() {
        return cache.estimatedSize();
    }

    void cleanUp() {
        cache.cleanUp();
    }

    private record Key(String id) {
    }
}
