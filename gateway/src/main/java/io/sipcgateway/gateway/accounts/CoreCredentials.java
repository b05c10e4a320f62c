package io.sipcgateway.gateway.accounts;

import java.util.Objects;

/** The digest user name and password the gateway uses for this user toward the SIP core (RFC 3261 22.4). */
public record CoreCredentials(String username, String password) {
    public CoreCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        AccountRules.require(AccountRules.username(username), "username");
        AccountRules.require(AccountRules.password(password), "password");
    }

    @Override
    public String toString() {
        return "CoreCredentials[username=" + username + ", password=redacted]";
    }
}
