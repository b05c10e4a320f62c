package io.sipcgateway.gateway.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How many lines one per-message log statement may write per second. Under overload every message can fail the same
 * way (core timeouts, clients too slow to answer): thousands of identical lines per second then cost the CPU and the
 * disk that the gateway needs to recover (seen in the relay runs, BENCHMARKS.md). The counters on {@code /metrics}
 * count every failure; the log keeps a sample, and says how many lines it left out.
 */
final class LogBudget {
    private final int perSecond;
    private final LongSupplier nanos;
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    LogBudget(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    LogBudget(int perSecond, LongSupplier nanos) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1: " + perSecond);
        }
        this.perSecond = perSecond;
        this.nanos = nanos;
    }

    /**
     * Whether this line may be written: returns -1 if not (the line is counted as left out), otherwise how many lines
     * were left out since the last one written (for the caller to append, e.g. "(and 1,234 more)").
     */
    long take() {
        long second = nanos.getAsLong() / 1_000_000_000L;
        long current = window.get();
        if (current != second && window.compareAndSet(current, second)) {
            used.set(0);
        }
        if (used.incrementAndGet() > perSecond) {
            skipped.incrementAndGet();
            return -1;
        }
        return skipped.getAndSet(0);
    }
}
