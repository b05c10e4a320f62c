package io.sipcgateway.gateway.e2e;

import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.core.KamailioCore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BridgeScenarios} on a real Kamailio with the project's kamailio.cfg, reached over TCP. */
class GatewayOnKamailioIT extends BridgeScenarios {
    @RegisterExtension
    static final KamailioCore CORE = KamailioCore.builder("bridge").build();

    @Override
    CoreTarget core() {
        return new CoreTarget.Remote(coreAddress(), CoreTarget.Transport.TCP);
    }

    @Override
    String domain() {
        return CORE.domain();
    }

    @Override
    HostAndPort coreAddress() {
        return new HostAndPort(CORE.host(), CORE.port());
    }

    @Override
    void restartCore(Runnable whileDown) {
        CORE.stop();
        try {
            whileDown.run();
        } finally {
            CORE.start();
        }
    }
}
