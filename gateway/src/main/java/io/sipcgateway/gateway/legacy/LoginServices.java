package io.sipcgateway.gateway.legacy;

import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.legacy.auth.V2Authenticator;
import io.sipcgateway.gateway.legacy.auth.V4Authenticator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/** What logins need, shared by every connection: the accounts, both authenticators, the lockout, time and chance. */
public record LoginServices(AccountDirectory directory, V2Authenticator v2, V4Authenticator v4, LoginGuard guard,
        Clock clock, SecureRandom random) {
    public LoginServices {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(v2, "v2");
        Objects.requireNonNull(v4, "v4");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }
}
