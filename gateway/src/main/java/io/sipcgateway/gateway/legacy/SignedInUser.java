package io.sipcgateway.gateway.legacy;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.sipc.SipcVersion;
import java.util.Objects;

/** A legacy user signed in on one connection, in the protocol version it logged in with. */
public record SignedInUser(Account account, SipcVersion version, LegacyConnection connection) {
    public SignedInUser {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(connection, "connection");
    }

    public String sid() {
        return account.sid();
    }
}
