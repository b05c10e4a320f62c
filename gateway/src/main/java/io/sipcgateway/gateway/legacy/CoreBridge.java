package io.sipcgateway.gateway.legacy;

import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.util.function.Consumer;

/**
 * What a legacy session asks of the core side. Every call returns at once; answers come back through the callback,
 * always exactly once and in bounded time (a core that does not answer yields 504, one that cannot be reached 503),
 * so no legacy request is left without a final response.
 */
public interface CoreBridge {

    /** The user signed in: register at the core, restore subscriptions. */
    void signedIn(SignedInUser user);

    /** The user is gone (logout, expiry, lost connection, replaced by a newer login): unregister, unsubscribe. */
    void signedOut(SignedInUser user, String reason);

    /** A request the gateway does not answer itself; {@code reply} gets the legacy client's final answer. */
    void forward(SignedInUser user, SipcRequest request, Consumer<SipcResponse> reply);

    /** The client's answer to a request the gateway sent it (the {@code 200} to an incoming {@code M}). */
    void legacyAnswered(SignedInUser user, SipcResponse response);
}
