package io.sipcgateway.mapping.presence;

import java.util.Objects;

/**
 * One presentity's new presence as a body keys it.
 *
 * @param identity a SIP URI (v2 BN {@code presence uri}, PIDF {@code entity}, RLMI {@code resource uri}) or a
 *     SIP-C/4.0 user-id (v4 BN {@code c id}); mapping between the two is the message half's job
 * @param presence the presence
 */
public record PresenceUpdate(String identity, Presence presence) {
    public PresenceUpdate {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(presence, "presence");
    }
}
