package io.sipcgateway.gateway.core.embedded;

import java.util.Objects;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The time source and threads every registry is built with. Production: the system ticker and the core's own
 * scheduler thread, so entries expire on time. Tests: a fake ticker, {@code Runnable::run} and
 * {@link Scheduler#disabledScheduler()}, then {@code cleanUp()} (Caffeine wiki, "Testing").
 */
record RegistryTiming(Ticker ticker, Executor executor, Scheduler scheduler) {
    RegistryTiming {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    static RegistryTiming manual(Ticker ticker) {
        return new RegistryTiming(ticker, Runnable::run, Scheduler.disabledScheduler());
    }
}
