package io.sipcgateway.gateway.core;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits for external processes (the test Kamailio and its children); interrupts are kept, never lost. */
final class ProcessWaits {
    private ProcessWaits() {
    }

    /** Waits up to {@code timeout} for {@code handle} to exit; a process still alive is the caller's to kill. */
    static void awaitExit(ProcessHandle handle, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return;
        }
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still alive: the caller kills it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True if {@code p} exited within {@code timeout}. */
    static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }
}
