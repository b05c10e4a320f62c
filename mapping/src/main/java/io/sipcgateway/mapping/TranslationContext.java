package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.mapping.identity.IdentityDirectory;
import java.time.Clock;

/**
 * What every translation knows besides the message: the legacy user, the core domain, the gateway's address, the
 * injected id generator and clock, the identity directory and the correlation state. {@link LegacyContext} is used
 * for messages that came from the legacy client, {@link CoreContext} for messages from the core.
 */
public sealed interface TranslationContext permits LegacyContext, CoreContext {
    LegacyUser user();

    String coreDomain();

    HostPort gateway();

    IdGenerator ids();

    Clock clock();

    IdentityDirectory directory();

    Correlation correlation();

    default Identities identities() {
        return new Identities(directory(), coreDomain());
    }

    /** The user's own core AOR. */
    default String userAor() {
        return identities().coreAorOfSid(user().sid());
    }
}
