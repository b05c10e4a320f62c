package io.sipcgateway.gateway.core.embedded;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Published event state (RFC 3903), keyed by presentity and entity-tag, bounded, each entry expiring at its own
 * deadline. When Caffeine drops one (expiry or size) {@code onEvicted} hears which presentity changed, so watchers
 * can be told. Finding a presentity's state scans the values: O(size), fine at the configured bound.
 */
final class PublicationRegistry {
    private final Cache<Key, Publication> cache;
    private final Ticker ticker;

    PublicationRegistry(long maximumSize, RegistryTiming timing, Consumer<Aor> onEvicted) {
        Objects.requireNonNull(onEvicted, "onEvicted");
        this.ticker = timing.ticker();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiring.<Key, Publication>expiry())
                .ticker(timing.ticker())
                .executor(timing.executor())
                .scheduler(timing.scheduler())
                .<Key, Publication>removalListener((key, value, cause) -> {
                    if (cause.wasEvicted() && key != null) {
                        onEvicted.accept(key.presentity());
                    }
                })
                .build();
    }

    long now() {
        return ticker.read();
    }

    void put(Publication publication) {
        cache.put(new Key(publication.presentity(), publication.etag()), publication);
    }

    /** Removes and returns the live publication {@code etag} of {@code presentity} (RFC 3903 6 step 3). */
    Optional<Publication> take(Aor presentity, String etag) {
        return Optional.ofNullable(cache.asMap().remove(new Key(presentity, etag)));
    }

    /** The state watchers get: the live publication whose body changed last. */
    Optional<PresenceDocument> current(Aor presentity) {
        long now = now();
        return cache.asMap().values().stream()
                .filter(p -> p.presentity().equals(presentity) && p.liveAt(now))
                .max(Comparator.comparingLong(p -> p.modifiedAtNanos() - now))
                .map(Publication::document);
    }

    void cleanUp() {
        cache.cleanUp();
    }

    /** RFC 3903 4: an entity-tag is scoped to the resource it was issued for. */
    private record Key(Aor presentity, String etag) {
    }
}
