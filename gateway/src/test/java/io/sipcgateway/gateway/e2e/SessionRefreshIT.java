package io.sipcgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.Gateway;
import io.sipcgateway.gateway.client.ClientConfig;
import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.GatewayConfig;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.core.TestSipUa;
import io.sipcgateway.gateway.core.embedded.EmbeddedCore;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that outlives what the core granted: the gateway refreshes the user's SUBSCRIBE dialogs (and
 * publication) with every REGISTER refresh, so presence keeps flowing after the subscription's first expiry. With
 * the shortest registration expiry (60 s, refreshed after 48 s) and a 70 s subscription, a presence change at 85 s
 * only reaches the client if the refresh happened. Takes about 90 s.
 */
class SessionRefreshIT {
    private static final String DOMAIN = "sipc.local";
    private static final String SUB_ARGS = "<args><subscription><contacts><contact uri=\"sip:916000002@fetion.com.cn\""
            + " /></contacts><presence><basic attributes=\"all\" /></presence></subscription></args>";

    @TempDir
    Path dir;

    @Test
    void presenceStillFlowsAfterTheFirstSubscriptionExpiry() throws Exception {
        int corePort = BridgeScenarios.freePort();
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), BridgeScenarios.accountsYaml(DOMAIN));
        try (EmbeddedCore core = EmbeddedCore.start("127.0.0.1", corePort, DOMAIN);
                Gateway gateway = Gateway.start(GatewayConfig.DEFAULTS.toBuilder()
                        .sipcListen(new HostAndPort("127.0.0.1", 0))
                        .httpListen(new HostAndPort("127.0.0.1", 0))
                        .httpsListen(new HostAndPort("127.0.0.1", 0))
                        .adminListen(new HostAndPort("127.0.0.1", 0))
                        .sipListen(new HostAndPort("127.0.0.1", BridgeScenarios.freePort()))
                        .core(new CoreTarget.Remote(new HostAndPort("127.0.0.1", corePort), CoreTarget.Transport.TCP))
                        .domain(DOMAIN)
                        .accounts(accounts)
                        .registrationExpiry(Duration.ofSeconds(60))
                        .build());
                TestSipUa bob = TestSipUa.start("bob", DOMAIN, "127.0.0.1", corePort, "udp")) {
            assertEquals(200, bob.register(bob.aor(), 300).status());
            bob.publish(BridgeScenarios.pidfDocument("sip:bob@" + DOMAIN, "open", "away", "here"));
            HostAndPort at = gateway.legacyAddress();
            LegacyClient alice = LegacyClient.connect(at.host(), at.port(),
                    ClientConfig.DEFAULT.withKeepAliveInterval(Duration.ofSeconds(20))).orElseThrow();
            try {
                alice.login(ClientLogin.v2(BridgeScenarios.ALICE, "alicepw", ClientLogin.V2Algorithm.MD5_SESS))
                        .orElseThrow();
                var sub = alice.newRequest(SipcMethod.SUB, SipcHeaders.of("N", "presence", "X", "70"),
                        SipcBody.ofUtf8(SUB_ARGS));
                assertEquals(200, alice.exchange(sub).orElseThrow().code());
                BridgeScenarios.assertBn(alice, "presence", "value=\"100\"");

                Thread.sleep(Duration.ofSeconds(85).toMillis()); // past the 70 s the core first granted
                bob.publish(BridgeScenarios.pidfDocument("sip:bob@" + DOMAIN, "open", "busy", "still here"));
                BridgeScenarios.assertBn(alice, "presence", "value=\"600\"");
                assertTrue(gateway.core().registeredUsers() == 1, "the binding was refreshed too");
            } finally {
                alice.close();
            }
        }
    }
}
