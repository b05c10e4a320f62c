package io.sipcgateway.gateway.legacy;

import io.sipcgateway.gateway.inspect.TranslationRecorder;
import java.time.Duration;
import java.util.Objects;

/**
 * What every session shares: logins, the signed-in users, the core side, and timing.
 *
 * @param registrationExpiry the {@code X} clients get; a signed-in connection silent for longer (plus
 *        {@link #EXPIRY_GRACE}) is expired
 * @param loginIdle how long a connection may stay silent before it has signed in
 */
public record SessionContext(LoginServices login, SessionRegistry registry, CoreBridge core,
        Duration registrationExpiry, Duration loginIdle, SessionObserver observer, TranslationRecorder recorder) {
    /** Slack for a client that refreshes right at {@code X} (PF2 re-registers ~100 s early, libofetion every 70 s). */
    public static final Duration EXPIRY_GRACE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_LOGIN_IDLE = Duration.ofSeconds(60);

    public SessionContext {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(registrationExpiry, "registrationExpiry");
        Objects.requireNonNull(loginIdle, "loginIdle");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(recorder, "recorder");
    }

    /** A context that reports to no one (tests, tools). */
    public SessionContext(LoginServices login, SessionRegistry registry, CoreBridge core,
            Duration registrationExpiry, Duration loginIdle) {
        this(login, registry, core, registrationExpiry, loginIdle, SessionObserver.NONE, TranslationRecorder.OFF);
    }

    /** {@code X} plus the grace, which is at most half of {@code X} (so a short test expiry stays short). */
    int signedInIdleSeconds() {
        Duration grace = EXPIRY_GRACE.compareTo(registrationExpiry.dividedBy(2)) < 0 ? EXPIRY_GRACE
                : registrationExpiry.dividedBy(2);
        return (int) Math.max(1, registrationExpiry.plus(grace).toSeconds());
    }
}
