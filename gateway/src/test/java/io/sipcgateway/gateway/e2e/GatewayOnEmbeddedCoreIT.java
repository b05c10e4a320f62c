package io.sipcgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.ClientLogin.V2Algorithm;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.core.TestSipUa;
import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.core.embedded.EmbeddedCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    /**
     * The sign-out PUBLISH removal is built from the user's presence freshly translated, not from a kept copy of the
     * accepted PUBLISH (issue 7): the core must still take it (right Call-ID, next CSeq, {@code SIP-If-Match}), which
     * a watcher sees as the closed document at once. The embedded core's compositor only closes a presentity when
     * its publication is removed; the REGISTER removal alone does not.
     */
    @Test
    void logoutRemovesThePublicationSoWatchersSeeTheUserClosedAtOnce() throws Exception {
        TestSipUa bob = ua("bob");
        assertEquals(200, bob.register(bob.aor(), 300).status());
        LegacyClient alice = signIn(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.MD5_SESS));
        awaitRegistered(1);
        assertNotNull(bob.subscribe("sip:alice@" + domain(), 300));
        assertNotNull(bob.awaitNotify(n -> pidf(n).contains("basic>open</"), WAIT), "bob sees alice open");
        alice.logout().orElseThrow();
        Request closed = bob.awaitNotify(n -> pidf(n).contains("basic>closed</"), WAIT);
        assertNotNull(closed, "bob sees alice closed right after her logout, long before the publication expires");
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
