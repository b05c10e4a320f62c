package io.sipcgateway.gateway.legacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed logins per account across connections and locks an account out after {@link #maxFailures} within
 * {@link #window}: a password guesser gets a handful of tries, then a clear refusal until the window has passed
 * since the last failure. Bounded and expiring (Caffeine), so guessing at random sids cannot grow it.
 */
public final class LoginGuard {
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    private static final long MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Cache<String, AtomicInteger> failures;

    public LoginGuard(int maxFailures, Duration window, Ticker ticker, Executor executor) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be >= 1: " + maxFailures);
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.failures = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterWrite(window)
                .ticker(ticker)
                .executor(executor)
                .build();
    }

    public static LoginGuard withDefaults() {
        return new LoginGuard(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, Ticker.systemTicker(), Runnable::run);
    }

    public boolean isLockedOut(String sid) {
        AtomicInteger count = failures.getIfPresent(sid);
        return count != null && count.get() >= maxFailures;
    }

    /** Records a failure (restarting the window); true if the account is now locked out. */
    public boolean recordFailure(String sid) {
        AtomicInteger count = failures.asMap().computeIfAbsent(sid, s -> new AtomicInteger());
        int now = count.incrementAndGet();
        failures.put(sid, count); // a write restarts expireAfterWrite: the lockout lasts a window after the last try
        return now >= maxFailures;
    }

    public void recordSuccess(String sid) {
        failures.invalidate(sid);
    }

    public Duration window() {
        return window;
    }

    public long trackedAccounts() {
        failures.cleanUp();
        return failures.estimatedSize();
    }
}
