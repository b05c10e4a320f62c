package io.sipcgateway.gateway.core.embedded;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * A registry value that carries its own absolute deadline, in the registry ticker's nanoseconds. {@link #expiry()}
 * turns that into Caffeine's per-entry {@code expireAfter}: every write re-reads the deadline from the new value,
 * reads never extend it.
 */
interface Expiring {
    long expiresAtNanos();

    static <K, V extends Expiring> Expiry<K, V> expiry() {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(K key, V value, long currentTime) {
                return Math.max(0, value.expiresAtNanos() - currentTime);
            }

            @Override
            public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
                return Math.max(0, value.expiresAtNanos() - currentTime);
            }

            @Override
            public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
