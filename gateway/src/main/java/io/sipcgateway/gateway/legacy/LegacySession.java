package io.sipcgateway.gateway.legacy;

import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;

/**
 * One client connection's protocol state. Called on the connection's event loop only, one event at a time, so an
 * implementation needs no locking for its own state.
 */
public interface LegacySession {

    void onRequest(SipcRequest request);

    /** A client's answer to a request the gateway sent it (e.g. the {@code 200} to an incoming {@code M}). */
    void onResponse(SipcResponse response);

    /** Nothing arrived within the idle limit ({@link #idleLimitSeconds()} at first, then what the session set). */
    void onIdle();

    /** The connection is gone, for whatever reason; release everything. Called exactly once. */
    void onDisconnect();

    /** How long a new connection may stay silent before {@link #onIdle()}; change it with
     * {@link LegacyConnection#idleLimit(int)} (short before login, about {@code X} after). */
    int idleLimitSeconds();

    /** Makes a session for a new connection. */
    @FunctionalInterface
    interface Factory {
        LegacySession open(LegacyConnection connection);
    }
}
