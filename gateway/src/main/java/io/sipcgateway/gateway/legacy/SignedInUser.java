package io.sipcgateway.gateway.legacy;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.mapping.presence.Presence;
import io.sipcgateway.sipc.SipcVersion;
import java.util.Objects;

/**
 * A legacy user signed in on one connection, in the protocol version it logged in with.
 *
 * @param presence the presence the client logged in with ({@code <presence><basic value>} of its R body, section
 *        7.1; online when absent), published at the core once it is registered
 */
public record SignedInUser(Account account, SipcVersion version, LegacyConnection connection, Presence presence) {
    public SignedInUser {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(presence, "presence");
    }

    public String sid() {
        return account.sid();
    }
}
