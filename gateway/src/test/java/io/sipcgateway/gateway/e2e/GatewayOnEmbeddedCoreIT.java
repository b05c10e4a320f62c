package io.sipcgateway.gateway.e2e;

import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.core.embedded.EmbeddedCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link BridgeScenarios} on the embedded SIMPLE core, the one {@code run} starts by default. The test starts it
 * itself (on a fixed free port) so that it can stop and restart it under the gateway.
 */
class GatewayOnEmbeddedCoreIT extends BridgeScenarios {
    private static final String DOMAIN = "sipc.local";
    private static int port;
    private static EmbeddedCore core;

    @BeforeAll
    static void startCore() throws Exception {
        port = freePort();
        core = EmbeddedCore.start("127.0.0.1", port, DOMAIN);
    }

    @AfterAll
    static void stopCore() {
        if (core != null) {
            core.close();
        }
    }

    @Override
    CoreTarget core() {
        return new CoreTarget.Remote(coreAddress(), CoreTarget.Transport.TCP);
    }

    @Override
    String domain() {
        return DOMAIN;
    }

    @Override
    HostAndPort coreAddress() {
        return new HostAndPort("127.0.0.1", port);
    }

    @Override
    void restartCore(Runnable whileDown) {
        core.close();
        try {
            whileDown.run();
        } finally {
            try {
                core = EmbeddedCore.start("127.0.0.1", port, DOMAIN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
