package io.sipcgateway.gateway.core.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.sip.header.ContactHeader;
import javax.sip.header.DateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import io.sipcgateway.gateway.core.SipOutcome;
import io.sipcgateway.gateway.core.TestSipUa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REGISTER against a running embedded core over loopback, UDP and TCP (RFC 3261 10.3, RFC 3327). */
class EmbeddedCoreRegistrarTest {
    private static CoreHarness harness;

    @BeforeAll
    static void startCore() throws Exception {
        // min 1 s so that a short registration can expire end to end
        harness = CoreHarness.start(EmbeddedCoreConfig.loopback(CoreHarness.DOMAIN).withExpires(1, 3600, 3600)
                .withMaxContactsPerAor(2));
    }

    @AfterAll
    static void stopCore() {
        harness.close();
    }

    @Test
    void registerAddsBindingAndListsItWithExpiresAndDate() throws Exception {
        TestSipUa alice = harness.ua("reg-alice", "udp");
        SipOutcome ok = alice.register(alice.aor(), 600);
        assertEquals(Response.OK, ok.status());
        assertEquals(List.of(alice.contactUri()), CoreHarness.contactUris(ok));
        int expires = ((ContactHeader) ok.response().getHeader(ContactHeader.NAME)).getExpires();
        assertTrue(expires > 590 && expires <= 600, "expires=" + expires);
        assertNotNull(ok.response().getHeader(DateHeader.NAME));
    }

    @Test
    void reRegisterRefreshesTheSameBinding() throws Exception {
        TestSipUa bob = harness.ua("reg-bob", "tcp");
        assertEquals(Response.OK, bob.register(bob.aor(), 100).status());
        SipOutcome refreshed = bob.register(bob.aor(), 900);
        assertEquals(List.of(bob.contactUri()), CoreHarness.contactUris(refreshed));
        assertTrue(((ContactHeader) refreshed.response().getHeader(ContactHeader.NAME)).getExpires() > 800);
    }

    @Test
    void expiresZeroRemovesTheBinding() throws Exception {
        TestSipUa carol = harness.ua("reg-carol", "udp");
        assertEquals(Response.OK, carol.register(carol.aor(), 600).status());
        SipOutcome removed = carol.unregister(carol.aor());
        assertEquals(Response.OK, removed.status());
        assertEquals(List.of(), CoreHarness.contactUris(removed));
        assertEquals(List.of(), CoreHarness.contactUris(carol.fetchBindings(carol.aor())));
    }

    @Test
    void wildcardContactRemovesEveryBinding() throws Exception {
        TestSipUa dave = harness.ua("reg-dave", "udp");
        assertEquals(Response.OK, dave.register(dave.aor(), 600).status());
        SipOutcome removed = dave.unregisterAll(dave.aor());
        assertEquals(Response.OK, removed.status());
        assertEquals(List.of(), CoreHarness.contactUris(dave.fetchBindings(dave.aor())));
    }

    @Test
    void wildcardWithNonZeroExpiresIsRejected() throws Exception {
        TestSipUa erin = harness.ua("reg-erin", "udp");
        Request star = erin.newRequest(Request.REGISTER, "sip:" + CoreHarness.DOMAIN, erin.aor(), erin.newCallId());
        star.setHeader(erin.headers().createContactHeader());
        star.setHeader(erin.headers().createExpiresHeader(60));
        assertEquals(Response.BAD_REQUEST, erin.send(star).status());
    }

    @Test
    void expiryAboveTheMaximumIsShortened() throws Exception {
        TestSipUa frank = harness.ua("reg-frank", "udp");
        SipOutcome ok = frank.register(frank.aor(), 86_400);
        assertEquals(3600, ((ContactHeader) ok.response().getHeader(ContactHeader.NAME)).getExpires());
    }

    @Test
    void shortRegistrationExpiresEndToEnd() throws Exception {
        TestSipUa grace = harness.ua("reg-grace", "udp");
        assertEquals(Response.OK, grace.register(grace.aor(), 1).status());
        List<String> left = Poll.until(Duration.ofSeconds(5),
                () -> CoreHarness.contactUris(grace.fetchBindings(grace.aor())), List::isEmpty);
        assertEquals(List.of(), left, "binding still there 5 s after a 1 s registration");
    }

    @Test
    void contactsBeyondThePerAorBoundGet503AndChangeNothing() throws Exception {
        TestSipUa phone = harness.ua("reg-judy", "udp");
        TestSipUa desk = harness.ua("reg-judy", "tcp");
        TestSipUa third = harness.ua("reg-judy", "udp");
        assertEquals(Response.OK, phone.register(phone.aor(), 600).status());
        assertEquals(Response.OK, desk.register(desk.aor(), 600).status());
        SipOutcome refused = third.register(third.aor(), 600);
        assertEquals(Response.SERVICE_UNAVAILABLE, refused.status());
        assertEquals(List.of(phone.contactUri(), desk.contactUri()),
                CoreHarness.contactUris(third.fetchBindings(third.aor())));
    }

    @Test
    void registerForAForeignDomainIsForbidden() throws Exception {
        TestSipUa heidi = harness.ua("reg-heidi", "udp");
        Request foreign = heidi.newRequest(Request.REGISTER, "sip:elsewhere.test", heidi.aor(), heidi.newCallId());
        assertEquals(Response.FORBIDDEN, heidi.send(foreign).status());
    }

    @Test
    void pathIsStoredAndEchoedToAPathAwareUa() throws Exception {
        TestSipUa ivan = harness.ua("reg-ivan", "udp");
        SipOutcome ok = ivan.register(ivan.aor(), ivan.contactUri(), 600, List.of(
                ivan.headers().createHeader("Path", "<sip:edge.example.test:5099;lr>"),
                ivan.headers().createSupportedHeader("path")));
        assertEquals(Response.OK, ok.status());
        assertEquals("<sip:edge.example.test:5099;lr>", ok.header("Path"));
    }
}
