package io.sipcgateway.gateway.core.embedded;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Re-checks a condition every 50 ms until it holds or time runs out; returns the last value seen. */
final class Poll {
    private static final long INTERVAL_MILLIS = 50;

    private Poll() {
    }

    static <T> T until(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() - deadline < 0) {
            Thread.sleep(INTERVAL_MILLIS);
            value = probe.call();
        }
        return value;
    }
}
