package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.IdentityDirectory;
import java.time.Clock;
import java.util.Objects;

/**
 * The context for a message that came from the core on the user's behalf ({@link CoreToLegacy}); see
 * {@link TranslationContext}.
 */
public record CoreContext(LegacyUser user, String coreDomain, HostPort gateway, IdGenerator ids, Clock clock,
        IdentityDirectory directory, Correlation correlation) implements TranslationContext {
    public CoreContext {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(coreDomain, "coreDomain");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(correlation, "correlation");
    }

    public CoreContext withCorrelation(Correlation next) {
        return new CoreContext(user, coreDomain, gateway, ids, clock, directory, next);
    }

    /** The same user and environment, for a message travelling the other way. */
    public LegacyContext asLegacyContext() {
        return new LegacyContext(user, coreDomain, gateway, ids, clock, directory, correlation);
    }
}
