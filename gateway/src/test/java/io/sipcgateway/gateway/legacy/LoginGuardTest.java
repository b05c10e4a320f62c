package io.sipcgateway.gateway.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.FakeTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginGuardTest {
    private final FakeTicker ticker = new FakeTicker();
    private final LoginGuard guard = new LoginGuard(3, Duration.ofMinutes(15), ticker, Runnable::run);

    @Test
    void locksOutAfterTheConfiguredNumberOfFailures() {
        assertFalse(guard.recordFailure("916000001"));
        assertFalse(guard.recordFailure("916000001"));
        assertFalse(guard.isLockedOut("916000001"));
        assertTrue(guard.recordFailure("916000001"));
        assertTrue(guard.isLockedOut("916000001"));
        assertFalse(guard.isLockedOut("916000002"), "other accounts are not affected");
    }

    @Test
    void lockoutEndsAWindowAfterTheLastFailure() {
        for (int i = 0; i < 3; i++) {
            guard.recordFailure("916000001");
        }
        ticker.advance(Duration.ofMinutes(14));
        assertTrue(guard.isLockedOut("916000001"));
        ticker.advance(Duration.ofMinutes(2));
        assertFalse(guard.isLockedOut("916000001"));
        assertEquals(0, guard.trackedAccounts());
    }

    @Test
    void successClearsEarlierFailures() {
        guard.recordFailure("916000001");
        guard.recordFailure("916000001");
        guard.recordSuccess("916000001");
        assertFalse(guard.recordFailure("916000001"));
    }
}
