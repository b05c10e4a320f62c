package io.sipcgateway.gateway.core.embedded;

import io.sipcgateway.gateway.core.KamailioCore;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link CoreScenarios} against a real Kamailio with the project's {@code kamailio.cfg}: the reference the embedded
 * core is held to. Needs the Debian packages {@code kamailio} and {@code kamailio-presence-modules}.
 */
class KamailioCoreScenarioIT extends CoreScenarios {
    @RegisterExtension
    static final KamailioCore KAMAILIO = KamailioCore.builder("scenarios").build();

    @Override
    protected Core core() {
        return new Core(KAMAILIO.host(), KAMAILIO.port(), KAMAILIO.domain());
    }
}
