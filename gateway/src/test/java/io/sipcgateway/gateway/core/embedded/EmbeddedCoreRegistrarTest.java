package io.sipcgateway.gateway.core.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.DateHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
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
        harness = CoreHarness.start(EmbeddedCoreConfig.loopback(CoreHarness.DOMAIN).withExpires(1, 3600, 3600));
    }

    @AfterAll
    static void stopCore() {
        harness.close();
    }

    @Test
    void registerAddsBindingAndListsItWithExpiresAndDate() throws Exception {
        TestSipUa alice = harness.ua("reg-alice", "udp");
        Response ok = alice.register(600);
        assertEquals(Response.OK, ok.getStatusCode());
        assertEquals(List.of(alice.contact()), TestSipUa.contacts(ok));
        int expires = ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getExpires();
        assertTrue(expires > 590 && expires <= 600, "expires=" + expires);
        assertNotNull(ok.getHeader(DateHeader.NAME));
    }

    @Test
    void reRegisterRefreshesTheSameBinding() throws Exception {
        TestSipUa bob = harness.ua("reg-bob", "tcp");
        assertEquals(Response.OK, bob.register(100).getStatusCode());
        Response refreshed = bob.register(900);
        assertEquals(List.of(bob.contact()), TestSipUa.contacts(refreshed));
        assertTrue(((ContactHeader) refreshed.getHeader(ContactHeader.NAME)).getExpires() > 800);
    }

    @Test
    void expiresZeroRemovesTheBinding() throws Exception {
        TestSipUa carol = harness.ua("reg-carol", "udp");
        assertEquals(Response.OK, carol.register(600).getStatusCode());
        Response removed = carol.unregister();
        assertEquals(Response.OK, removed.getStatusCode());
        assertEquals(List.of(), TestSipUa.contacts(removed));
        assertEquals(List.of(), TestSipUa.contacts(carol.fetchBindings()));
    }

    @Test
    void wildcardContactRemovesEveryBinding() throws Exception {
        TestSipUa dave = harness.ua("reg-dave", "udp");
        assertEquals(Response.OK, dave.register(600).getStatusCode());
        Request star = dave.newRequest(Request.REGISTER, uri("sip:" + CoreHarness.DOMAIN), dave.aor(),
                dave.newCallId());
        star.setHeader(headers().createContactHeader());
        star.setHeader(headers().createExpiresHeader(0));
        Response removed = dave.send(star);
        assertEquals(Response.OK, removed.getStatusCode());
        assertEquals(List.of(), TestSipUa.contacts(dave.fetchBindings()));
    }

    @Test
    void wildcardWithNonZeroExpiresIsRejected() throws Exception {
        TestSipUa erin = harness.ua("reg-erin", "udp");
        Request star = erin.newRequest(Request.REGISTER, uri("sip:" + CoreHarness.DOMAIN), erin.aor(),
                erin.newCallId());
        star.setHeader(headers().createContactHeader());
        star.setHeader(headers().createExpiresHeader(60));
        assertEquals(Response.BAD_REQUEST, erin.send(star).getStatusCode());
    }

    @Test
    void expiryAboveTheMaximumIsShortened() throws Exception {
        TestSipUa frank = harness.ua("reg-frank", "udp");
        Response ok = frank.register(86_400);
        assertEquals(3600, ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getExpires());
    }

    @Test
    void shortRegistrationExpiresEndToEnd() throws Exception {
        TestSipUa grace = harness.ua("reg-grace", "udp");
        assertEquals(Response.OK, grace.register(1).getStatusCode());
        List<String> left = Poll.until(Duration.ofSeconds(5), () -> TestSipUa.contacts(grace.fetchBindings()),
                List::isEmpty);
        assertEquals(List.of(), left, "binding still there 5 s after a 1 s registration");
    }

    @Test
    void registerForAForeignDomainIsForbidden() throws Exception {
        TestSipUa heidi = harness.ua("reg-heidi", "udp");
        Request foreign = heidi.newRequest(Request.REGISTER, uri("sip:elsewhere.test"), heidi.aor(),
                heidi.newCallId());
        assertEquals(Response.FORBIDDEN, heidi.send(foreign).getStatusCode());
    }

    @Test
    void pathIsStoredAndEchoedToAPathAwareUa() throws Exception {
        TestSipUa ivan = harness.ua("reg-ivan", "udp");
        Response ok = ivan.register(600, List.of("<sip:edge.example.test:5099;lr>"));
        assertEquals(Response.OK, ok.getStatusCode());
        assertTrue(String.valueOf(ok.getHeader("Path")).contains("sip:edge.example.test:5099;lr"),
                "Path echoed: " + ok);
    }

    private static URI uri(String text) throws Exception {
        return new AddressFactoryImpl().createURI(text);
    }

    private static HeaderFactory headers() {
        return new HeaderFactoryImpl();
    }
}
