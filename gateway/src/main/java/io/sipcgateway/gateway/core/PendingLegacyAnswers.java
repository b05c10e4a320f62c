package io.sipcgateway.gateway.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import io.sipcgateway.sipc.SipcRequest;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * Core requests delivered to a legacy client and waiting for its answer (a MESSAGE waits for the client's
 * {@code 200}), keyed by the user and the legacy {@code I}/{@code Q} the client echoes. An entry that waits longer
 * than the timeout is answered {@code 408} by {@code onExpired}, promptly (Caffeine's scheduler), so no core
 * transaction is left unanswered; the size is bounded.
 */
final class PendingLegacyAnswers {
    static final long MAX_PENDING = 50_000;
    /**
     * Core requests waiting for legacy clients past which new ones are refused (503) instead of delivered: the same
     * bound, for the same reason, as {@link CoreSender#MAX_OUTSTANDING} on the other direction.
     */
    static final long MAX_WAITING = 5_000;

    record Key(String sid, String legacyCallId, String legacyCseq) {
    }

    /** A core request, the legacy request it was delivered as, and when it arrived (for inspection). */
    record Pending(Request request, ServerTransaction transaction, UserLink link, SipcRequest delivered,
            long startNanos) {
    }

    private final Cache<Key, Pending> pending;

    PendingLegacyAnswers(Duration timeout, Ticker ticker, Executor executor, Scheduler scheduler,
            Consumer<Pending> onExpired) {
        this.pending = Caffeine.newBuilder()
                .maximumSize(MAX_PENDING)
                .expireAfterWrite(timeout)
                .ticker(ticker)
                .executor(executor)
                .scheduler(scheduler)
                .removalListener((Key key, Pending value, RemovalCause cause) -> {
                    if (value != null && (cause == RemovalCause.EXPIRED || cause == RemovalCause.SIZE)) {
                        onExpired.accept(value);
                    }
                })
                .build();
    }

    void put(Key key, Pending value) {
        pending.put(key, value);
    }

    /** Takes the entry the client's answer is for; empty if it already expired or never existed. */
    Optional<Pending> take(Key key) {
        return Optional.ofNullable(pending.asMap().remove(key));
    }

    /** Whether {@link #MAX_WAITING} requests already wait (estimated, without a cleanup: cheap per request). */
    boolean isFull() {
        return pending.estimatedSize() >= MAX_WAITING;
    }

    long size() {
        pending.cleanUp();
        return pending.estimatedSize();
    }

    void cleanUp() {
        pending.cleanUp();
    }
}
