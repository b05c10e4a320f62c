package io.sipcgateway.gateway.core.embedded;

import java.util.List;
import java.util.Objects;

/**
 * A presence subscription: the dialog state our NOTIFYs need (RFC 3261 12.1.1 as UAS, RFC 6665 4.2.2) and a
 * one-in-flight flag. At most one NOTIFY per subscription is outstanding: NOTIFYs travel in separate non-INVITE
 * transactions and could overtake one another; a change seen meanwhile sets {@code pending} and is sent, with the
 * state of that moment, once the outstanding one completes.
 *
 * @param key the dialog id
 * @param presentity whose state is watched
 * @param presentityAddress the SUBSCRIBE's To address (no tag): From of our NOTIFYs
 * @param watcherAddress the SUBSCRIBE's From address (no tag): To of our NOTIFYs
 * @param remoteTarget the watcher's Contact URI: Request-URI of our NOTIFYs
 * @param routeSet the SUBSCRIBE's Record-Route values in order (RFC 3261 12.1.1)
 * @param expiresAtNanos deadline in the registry ticker's time
 * @param cseq CSeq of the last NOTIFY sent
 * @param inFlight a NOTIFY awaits its final response
 * @param pending the state changed while one was in flight
 */
record Subscription(SubscriptionKey key, Aor presentity, String presentityAddress, String watcherAddress,
        String remoteTarget, List<String> routeSet, long expiresAtNanos, long cseq, boolean inFlight,
        boolean pending) implements Expiring {
    Subscription {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(presentity, "presentity");
        Objects.requireNonNull(presentityAddress, "presentityAddress");
        Objects.requireNonNull(watcherAddress, "watcherAddress");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        routeSet = List.copyOf(routeSet);
    }

    /** A refresh (RFC 6665 4.2.1.2): new deadline and, SUBSCRIBE being a target refresh request, maybe a target. */
    Subscription refreshed(long newExpiresAtNanos, String newRemoteTarget) {
        return new Subscription(key, presentity, presentityAddress, watcherAddress, newRemoteTarget, routeSet,
                newExpiresAtNanos, cseq, inFlight, pending);
    }

    /** The next NOTIFY goes out now. */
    Subscription sending() {
        return new Subscription(key, presentity, presentityAddress, watcherAddress, remoteTarget, routeSet,
                expiresAtNanos, cseq + 1, true, false);
    }

    /** A NOTIFY is outstanding: remember to send the new state after it. */
    Subscription deferred() {
        return new Subscription(key, presentity, presentityAddress, watcherAddress, remoteTarget, routeSet,
                expiresAtNanos, cseq, true, true);
    }

    /** The outstanding NOTIFY completed and nothing changed meanwhile. */
    Subscription idle() {
        return new Subscription(key, presentity, presentityAddress, watcherAddress, remoteTarget, routeSet,
                expiresAtNanos, cseq, false, false);
    }

    /** Seconds left, rounded down, for {@code Subscription-State: active;expires=} (RFC 6665 4.2.2). */
    long remainingSeconds(long nowNanos) {
        return Math.max(0, (expiresAtNanos - nowNanos) / 1_000_000_000L);
    }
}
