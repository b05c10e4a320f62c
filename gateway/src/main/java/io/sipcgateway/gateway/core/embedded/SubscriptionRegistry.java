package io.sipcgateway.gateway.core.embedded;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Active presence subscriptions by dialog id, bounded, each expiring at its own deadline. When Caffeine drops one,
 * {@code onEvicted} gets it with the RFC 6665 4.2.2 reason for the final NOTIFY: {@code timeout} on expiry,
 * {@code deactivated} when pushed out by the size bound. Finding a presentity's watchers scans the values.
 */
final class SubscriptionRegistry {
    private final Cache<SubscriptionKey, Subscription> cache;
    private final Ticker ticker;

    SubscriptionRegistry(long maximumSize, RegistryTiming timing, BiConsumer<Subscription, String> onEvicted) {
        Objects.requireNonNull(onEvicted, "onEvicted");
        this.ticker = timing.ticker();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiring.<SubscriptionKey, Subscription>expiry())
                .ticker(timing.ticker())
                .executor(timing.executor())
                .scheduler(timing.scheduler())
                .<SubscriptionKey, Subscription>removalListener((key, value, cause) -> {
                    if (cause.wasEvicted() && value != null) {
                        onEvicted.accept(value, cause == RemovalCause.EXPIRED ? "timeout" : "deactivated");
                    }
                })
                .build();
    }

    long now() {
        return ticker.read();
    }

    void put(Subscription subscription) {
        cache.put(subscription.key(), subscription);
    }

    Optional<Subscription> get(SubscriptionKey key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    Optional<Subscription> remove(SubscriptionKey key) {
        return Optional.ofNullable(cache.asMap().remove(key));
    }

    Optional<Subscription> refresh(SubscriptionKey key, long expiresAtNanos, String remoteTarget) {
        return Optional.ofNullable(cache.asMap().computeIfPresent(key,
                (k, s) -> s.refreshed(expiresAtNanos, remoteTarget)));
    }

    List<Subscription> watchersOf(Aor presentity) {
        return cache.asMap().values().stream().filter(s -> s.presentity().equals(presentity)).toList();
    }

    /** The subscription to NOTIFY now (CSeq advanced), or empty if one is in flight (then marked pending). */
    Optional<Subscription> beginNotify(SubscriptionKey key) {
        AtomicReference<Subscription> send = new AtomicReference<>();
        cache.asMap().computeIfPresent(key, (k, s) -> {
            if (s.inFlight()) {
                return s.deferred();
            }
            Subscription next = s.sending();
            send.set(next);
            return next;
        });
        return Optional.ofNullable(send.get());
    }

    /** The outstanding NOTIFY completed: the subscription to NOTIFY again now if a change was pending. */
    Optional<Subscription> endNotify(SubscriptionKey key) {
        AtomicReference<Subscription> send = new AtomicReference<>();
        cache.asMap().computeIfPresent(key, (k, s) -> {
            if (!s.pending()) {
                return s.idle();
            }
            Subscription next = s.sending();
            send.set(next);
            return next;
        });
        return Optional.ofNullable(send.get());
    }

    void cleanUp() {
        cache.cleanUp();
    }
}
