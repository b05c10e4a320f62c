package io.sipcgateway.gateway.core.embedded;

import java.util.Objects;

/**
 * A subscription's dialog id (RFC 3261 12, RFC 6665 4.1.2): Call-ID, our tag (To of the SUBSCRIBE, From of our
 * NOTIFYs) and the watcher's tag. The {@code Event} {@code id} parameter is not part of it: presence has one
 * subscription per dialog.
 */
record SubscriptionKey(String callId, String localTag, String remoteTag) {
    SubscriptionKey {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
    }
}
