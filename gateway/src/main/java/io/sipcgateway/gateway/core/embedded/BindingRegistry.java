package io.sipcgateway.gateway.core.embedded;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The location service (RFC 3261 10.3): AOR to its live bindings, in a bounded Caffeine cache. An entry lives until
 * its last binding expires ({@code expireAfter} from the values' deadlines); single bindings past their deadline
 * are filtered out on every read and dropped on the next write. Time and threads come from {@link RegistryTiming}.
 */
final class BindingRegistry {
    private final Cache<Aor, Bindings> cache;
    private final Ticker ticker;

    BindingRegistry(long maximumSize, RegistryTiming timing) {
        this.ticker = timing.ticker();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiring.<Aor, Bindings>expiry())
                .ticker(timing.ticker())
                .executor(timing.executor())
                .scheduler(timing.scheduler())
                .build();
    }

    /** The registry's clock, in nanoseconds: the time base of every {@code expiresAtNanos}. */
    long now() {
        return ticker.read();
    }

    /** The live bindings of {@code aor}; empty when nobody is registered. */
    List<Binding> lookup(Aor aor) {
        Bindings bindings = cache.getIfPresent(aor);
        return bindings == null ? List.of() : bindings.liveAt(now());
    }

    /**
     * Applies {@code change} to the live bindings of {@code aor} atomically. An {@link RegisterOutcome.Accepted}
     * replaces them (an empty list removes the AOR); a {@link RegisterOutcome.Rejected} leaves them as they were.
     */
    RegisterOutcome update(Aor aor, Function<List<Binding>, RegisterOutcome> change) {
        AtomicReference<RegisterOutcome> outcome = new AtomicReference<>();
        cache.asMap().compute(aor, (key, old) -> {
            RegisterOutcome result = change.apply(old == null ? List.of() : old.liveAt(now()));
            outcome.set(result);
            if (result instanceof RegisterOutcome.Accepted accepted) {
                return accepted.bindings().isEmpty() ? null : new Bindings(accepted.bindings());
            }
            return old;
        });
        return outcome.get();
    }

    /** Runs pending expiry and eviction now (tests; production relies on the scheduler). */
    void cleanUp() {
        cache.cleanUp();
    }

    long aorCount() {
        return cache.estimatedSize();
    }

    private record Bindings(List<Binding> all) implements Expiring {
        Bindings {
            all = List.copyOf(all);
            if (all.isEmpty()) {
                throw new IllegalArgumentException("an AOR without bindings is removed, not stored");
            }
        }

        List<Binding> liveAt(long nowNanos) {
            return all.stream().filter(b -> b.liveAt(nowNanos)).toList();
        }

        @Override
        public long expiresAtNanos() {
            return all.stream().mapToLong(Binding::expiresAtNanos).max().orElseThrow();
        }
    }
}
