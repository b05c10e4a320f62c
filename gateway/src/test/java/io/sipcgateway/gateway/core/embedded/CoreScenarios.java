package io.sipcgateway.gateway.core.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import javax.sip.header.ContactHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import io.sipcgateway.gateway.core.SipOutcome;
import io.sipcgateway.gateway.core.TestSipUa;
import io.sipcgateway.gateway.core.UaSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the gateway relies on from any core, as one scenario run against each: the embedded core
 * ({@link EmbeddedCoreScenarioTest}) and Kamailio with the project's config ({@link KamailioCoreScenarioIT}). Where
 * the two may legitimately differ (404 or 480 for an offline user) the scenario accepts both, as the gateway must.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CoreScenarios {
    private static final Duration DELIVERY = Duration.ofSeconds(5);
    private static final int EXPIRES = 600;

    private TestSipUa alice;
    private TestSipUa bob;

    /** The core under test: host, port (UDP and TCP) and domain. */
    protected record Core(String host, int port, String domain) {
        String selfUri() {
            return "sip:" + host + ":" + port;
        }
    }

    protected abstract Core core();

    /** Starts the core if the subclass manages it itself (not needed with a JUnit extension). */
    protected void startCore() throws Exception {
    }

    protected void stopCore() {
    }

    @BeforeAll
    void startCoreAndUas() throws Exception {
        startCore();
        alice = TestSipUa.start("alice", core().domain(), core().host(), core().port(), "udp");
        bob = TestSipUa.start("bob", core().domain(), core().host(), core().port(), "tcp");
    }

    @AfterAll
    void stopUasAndCore() {
        try {
            TestSipUa.closeAll(alice, bob);
        } finally {
            stopCore();
        }
    }

    @BeforeEach
    void registerAliceAndBob() throws Exception {
        for (TestSipUa ua : List.of(alice, bob)) {
            SipOutcome registered = ua.register(ua.aor(), EXPIRES);
            assertEquals(Response.OK, registered.status(), "REGISTER " + ua.aor());
            assertEquals(List.of(ua.contactUri()), CoreHarness.contactUris(registered));
        }
        alice.answerMessagesWith(Response.OK);
        bob.answerMessagesWith(Response.OK);
    }

    @Test
    void messageIsRelayedUdpToTcpWithUtf8TextIntact() throws Exception {
        String text = "你好，世界 — 飞信";
        assertEquals(Response.OK, alice.sendMessage(bob.aor(), text));
        Request received = bob.pollMessage(DELIVERY);
        assertNotNull(received, "bob received no MESSAGE");
        assertEquals(text, CoreHarness.text(received));
        assertEquals(bob.contactUri(), received.getRequestURI().toString());
    }

    @Test
    void theCalleesFinalStatusReachesTheCaller() throws Exception {
        alice.answerMessagesWith(Response.BUSY_HERE);
        assertEquals(Response.BUSY_HERE, bob.sendMessage(alice.aor(), "busy?"));
        assertNotNull(alice.pollMessage(DELIVERY));
    }

    @Test
    void messageToAUserWithoutBindingIsRefusedAsOffline() throws Exception {
        int status = alice.sendMessage("sip:nobody-here@" + core().domain(), "anyone?");
        assertTrue(status == Response.NOT_FOUND || status == Response.TEMPORARILY_UNAVAILABLE, "got " + status);
    }

    @Test
    void publishedPidfReachesTheWatcherByteForByteAndChangesFollow() throws Exception {
        UaSubscription watch = bob.subscribe(alice.aor(), EXPIRES);
        assertEquals(Response.OK, watch.outcome().status());
        assertNotNull(watch.outcome().response().getHeader(ContactHeader.NAME), "notifier Contact for refreshes");

        byte[] first = EmbeddedCorePresenceTest.pidf(alice.aor(), "在线 first");
        String etag = TestSipUa.etag(alice.publish(first, EXPIRES, null));
        assertNotNull(etag, "200 to PUBLISH carries SIP-ETag");
        assertArrayEquals(first, await(bob, watch, body(first)).getRawContent());

        byte[] second = EmbeddedCorePresenceTest.pidf(alice.aor(), "离开 second");
        SipOutcome modified = alice.publish(second, EXPIRES, etag);
        assertEquals(Response.OK, modified.status());
        await(bob, watch, body(second));
        assertEquals(Response.CONDITIONAL_REQUEST_FAILED, alice.publish(first, EXPIRES, etag).status());

        assertEquals(Response.OK, alice.publish(null, 0, TestSipUa.etag(modified)).status());
        assertEquals(Response.OK, bob.resubscribe(watch, 0).status());
        Request last = await(bob, watch, n -> SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(
                ((SubscriptionStateHeader) n.getHeader(SubscriptionStateHeader.NAME)).getState()));
        assertNotNull(last);
    }

    @Test
    void anotherEventPackageGets489() throws Exception {
        String target = alice.aor();
        Request subscribe = bob.newRequest(Request.SUBSCRIBE, target, target, bob.newCallId());
        subscribe.addHeader(bob.headers().createHeader("Contact", "<" + bob.contactUri() + ">"));
        subscribe.addHeader(bob.headers().createEventHeader("no-such-package"));
        subscribe.addHeader(bob.headers().createExpiresHeader(EXPIRES));
        assertEquals(Response.BAD_EVENT, bob.send(subscribe).status());
    }

    @Test
    void aPathRegistrationRoutesMessagesThroughTheGateway() throws Exception {
        // bob plays the gateway: it registers carol with a contact nobody listens on and a Path to itself.
        String carol = "sip:carol@" + core().domain();
        String unreachable = "sip:carol@192.0.2.1:5060";
        String path = bob.contactUri() + ";lr";
        try {
            SipOutcome registered = bob.register(carol, unreachable, EXPIRES, List.of(
                    bob.headers().createHeader("Path", "<" + path + ">"),
                    bob.headers().createSupportedHeader("path")));
            assertEquals(Response.OK, registered.status());
            assertEquals(Response.OK, alice.sendMessage(carol, "via the gateway"));
            Request received = bob.pollMessage(DELIVERY);
            assertNotNull(received, "the MESSAGE for carol did not reach the Path hop");
            assertEquals(unreachable, received.getRequestURI().toString());
            assertEquals(path, ((RouteHeader) received.getHeader(RouteHeader.NAME)).getAddress().getURI().toString());
            assertNull(bob.pollMessage(Duration.ofMillis(300)), "one MESSAGE, not two");
        } finally {
            bob.unregisterAll(carol);
        }
    }

    @Test
    void optionsIsTheHealthCheck() throws Exception {
        for (String target : List.of(core().selfUri(), "sip:" + core().domain())) {
            SipOutcome outcome = alice.options(target);
            assertEquals(Response.OK, outcome.status(), "OPTIONS " + target);
            String allow = outcome.header("Allow");
            for (String method : List.of("REGISTER", "MESSAGE", "PUBLISH", "SUBSCRIBE")) {
                assertTrue(allow != null && allow.contains(method), "Allow: " + allow + " lacks " + method);
            }
            assertTrue(String.valueOf(outcome.header("Supported")).contains("path"));
        }
    }

    private static Request await(TestSipUa ua, UaSubscription watch, Predicate<Request> match)
            throws InterruptedException {
        Request notify = ua.awaitNotify(watch.inDialog().and(match), DELIVERY);
        assertNotNull(notify, "no matching NOTIFY for " + watch.presentity());
        return notify;
    }

    private static Predicate<Request> body(byte[] expected) {
        return n -> Arrays.equals(expected, n.getRawContent());
    }
}
