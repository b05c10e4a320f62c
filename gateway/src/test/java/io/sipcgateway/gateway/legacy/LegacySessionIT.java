package io.sipcgateway.gateway.legacy;

import static io.sipcgateway.gateway.legacy.Clients.NO_TIMER;
import static io.sipcgateway.gateway.legacy.Clients.WAIT;
import static io.sipcgateway.gateway.legacy.Clients.assertEchoes;
import static io.sipcgateway.gateway.legacy.Clients.names;
import static io.sipcgateway.gateway.legacy.LegacyLoginIT.ALICE;
import static io.sipcgateway.gateway.legacy.LegacyLoginIT.ALICE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.client.ClientConfig;
import io.sipcgateway.gateway.client.ClientEvent;
import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.ClientLogin.V2Algorithm;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.client.SignedIn;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.SignedInCall;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.SignedOutCall;
import io.sipcgateway.gateway.legacy.auth.XmlShape;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

/**
 * A signed-in session over real TCP (section 1.4): keep-alive in both versions and on the client's timer, logout,
 * expiry of a silent client, and a second login of the same account taking over (section 5.2).
 */
class LegacySessionIT extends LegacyFrontCase {

    @Test
    void v4KeepAliveIsAnsweredWithXAndFreshCredentials() throws InterruptedException {
        startFront(LegacyFront.Settings.DEFAULT);
        LegacyClient client = clients.connect();
        client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).orElseThrow();

        SipcResponse ok = client.keepAlive().orElseThrow();

        assertEquals("SIP-C/4.0 200 OK", ok.startLine().toString());
        assertEquals(List.of("I", "Q", "X", "L"), names(ok));                           // sample 37
        assertEquals("600", ok.header(SipcHeaderName.EXPIRES).orElseThrow());
        Element results = XmlShape.parse(ok.body().utf8());
        XmlShape.assertChildren(results, "credentials");
        XmlShape.assertAttributes(results.element("credentials"), "kernel");
        assertEquals("fetion.com.cn", XmlShape.child(results.element("credentials"), "credential")
                .attributeValue("domain"));
    }

    @Test
    void v2KeepAliveIsABareRegisterInTheRegistrationDialogAnsweredWithX() throws InterruptedException {
        startFront(LegacyFront.Settings.DEFAULT);
        LegacyClient client = clients.connect();
        SignedIn in = client.login(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.MD5_SESS)).orElseThrow();

        SipcResponse ok = client.keepAlive().orElseThrow();

        assertEquals("SIP-C/2.0 200 OK", ok.startLine().toString());
        assertEquals(in.register().callId(), ok.callId(), "the registration dialog's I");
        assertEquals("3 R", ok.header(SipcHeaderName.CSEQ).orElseThrow());
        assertEquals("600", ok.header(SipcHeaderName.EXPIRES).orElseThrow());
        assertTrue(ok.body().isEmpty());
    }

    @Test
    void keepAliveTimerRefreshesWithinTheExpiryTheGatewayGave() throws InterruptedException {
        startFront(LegacyFront.Settings.DEFAULT.withRegistrationExpiry(Duration.ofSeconds(1)));
        List<SipcRequest> timerRequests = new CopyOnWriteArrayList<>();
        List<SipcResponse> timerAnswers = new CopyOnWriteArrayList<>();
        CountDownLatch threeAnswered = new CountDownLatch(3);
        ClientConfig config = ClientConfig.DEFAULT.withListener(event -> {
            if (event instanceof ClientEvent.Message m && m.automatic() && m.message() instanceof SipcRequest r) {
                timerRequests.add(r);
            } else if (event instanceof ClientEvent.Message m && m.message() instanceof SipcResponse r
                    && timerRequests.stream().anyMatch(q -> q.callId().equals(r.callId()))) {
                timerAnswers.add(r);
                threeAnswered.countDown();
            }
        });
        LegacyClient client = clients.connect(config);                     // timer at 70 s, capped to X / 2
        SignedIn in = client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).orElseThrow();
        assertEquals(1, in.expires(), "X is the gateway's configured expiry");

        assertTrue(threeAnswered.await(5, TimeUnit.SECONDS), "three timer keep-alives answered: " + timerAnswers);
        timerRequests.forEach(r -> assertEquals("KeepAlive", r.event().orElseThrow()));
        timerAnswers.forEach(r -> assertEquals(200, r.code()));
        assertTrue(client.isOpen());
    }

    @Test
    void logoutIsAnswered200ThenTheGatewayClosesAndSignsOut() throws InterruptedException {
        startFront(LegacyFront.Settings.DEFAULT);
        LegacyClient client = clients.connect();
        SignedIn in = client.login(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.SHA1_SESS)).orElseThrow();

        SipcResponse ok = client.logout().orElseThrow();

        assertEquals("SIP-C/2.0 200 OK", ok.startLine().toString());             // sample 76: I Q only
        assertEquals(List.of("I", "Q"), names(ok));
        assertEquals(in.register().callId(), ok.callId());
        assertEquals("3 R", ok.header(SipcHeaderName.CSEQ).orElseThrow());
        assertTrue(client.awaitClosed(WAIT));
        SignedOutCall out = front.core().await(SignedOutCall.class, c -> c.sid().equals(ALICE), WAIT).orElseThrow();
        assertEquals("logout", out.reason());
        assertFalse(front.registry().find(ALICE).isPresent());
    }

    @Test
    void silentClientExpiresAndIsSignedOut() throws InterruptedException {
        startFront(LegacyFront.Settings.DEFAULT.withRegistrationExpiry(Duration.ofSeconds(1)));
        LegacyClient client = clients.connect(NO_TIMER);
        SignedIn in = client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).orElseThrow();
        assertEquals("1", in.ok().header(SipcHeaderName.EXPIRES).orElseThrow());

        // Silence is allowed for X plus SessionContext.EXPIRY_GRACE (30 s) before the session expires.
        Duration limit = Duration.ofSeconds(1).plus(SessionContext.EXPIRY_GRACE).plusSeconds(10);
        assertTrue(client.awaitClosed(limit), "closed after X + grace without a keep-alive");
        SignedOutCall out = front.core().await(SignedOutCall.class, c -> c.sid().equals(ALICE), WAIT).orElseThrow();
        assertTrue(out.reason().startsWith("expired"), out.reason());
    }

    @Test
    void secondLoginOfTheSameAccountDeregistersAndClosesTheFirst() throws InterruptedException {
        startFront(LegacyFront.Settings.DEFAULT);
        List<ClientEvent> firstSent = new CopyOnWriteArrayList<>();
        LegacyClient first = clients.connect(NO_TIMER.withListener(e -> {
            if (e instanceof ClientEvent.Message m && m.direction() == ClientEvent.Direction.OUT) {
                firstSent.add(e);
            }
        }));
        first.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).orElseThrow();
        LegacyClient second = clients.connect();
        second.login(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.SHA1_SESS)).orElseThrow();

        SipcRequest bn = first.awaitRequest(SipcMethod.BN, WAIT).orElseThrow();       // sample 40
        assertEquals("BN 916000001 SIP-C/4.0", bn.startLine().toString());
        assertEquals("registration", bn.event().orElseThrow());
        assertEquals("<events><event type=\"deregistered\"/></events>", bn.body().utf8());
        assertTrue(first.awaitClosed(WAIT));
        assertEquals(2, firstSent.size(), "R #1 and R #2, and no answer to BN: " + firstSent);
        assertTrue(second.isOpen());
        assertEquals(2, front.core().calls(SignedInCall.class).size());

        second.logout().orElseThrow();
        front.core().await(SignedOutCall.class, c -> c.reason().equals("logout"), WAIT).orElseThrow();
        assertEquals(1, front.core().calls(SignedOutCall.class).size(),
                "the replaced session does not sign the account out at the core");
    }
}
