package io.sipcgateway.gateway.legacy;

/** Told when connections and sign-ins come and go (metrics); every method returns at once. */
public interface SessionObserver {
    SessionObserver NONE = new SessionObserver() {
    };

    default void connected() {
    }

    default void disconnected() {
    }

    default void signedIn() {
    }

    default void signedOut() {
    }
}
