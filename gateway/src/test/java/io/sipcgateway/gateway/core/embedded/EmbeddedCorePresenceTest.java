package io.sipcgateway.gateway.core.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import io.sipcgateway.gateway.core.SipOutcome;
import io.sipcgateway.gateway.core.TestSipUa;
import io.sipcgateway.gateway.core.UaSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PUBLISH (RFC 3903) and SUBSCRIBE/NOTIFY (RFC 6665, RFC 3856) against a running embedded core. */
class EmbeddedCorePresenceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static CoreHarness harness;

    @BeforeAll
    static void startCore() throws Exception {
        harness = CoreHarness.start(EmbeddedCoreConfig.loopback(CoreHarness.DOMAIN).withExpires(1, 3600, 3600));
    }

    @AfterAll
    static void stopCore() {
        harness.close();
    }

    @Test
    void publishedPidfReachesTheSubscriberByteForByte() throws Exception {
        TestSipUa alice = harness.ua("pres-alice", "udp");
        TestSipUa bob = harness.ua("pres-bob", "tcp");
        byte[] pidf = pidf(alice.aor(), "在线 — available");
        SipOutcome published = alice.publish(pidf, 600, null);
        assertEquals(Response.OK, published.status());
        assertNotNull(TestSipUa.etag(published));

        UaSubscription watch = bob.subscribe(alice.aor(), 600);
        assertEquals(Response.OK, watch.outcome().status());
        assertNotNull(((ToHeader) watch.outcome().response().getHeader(ToHeader.NAME)).getTag());
        Request notify = await(bob, watch, body(pidf));
        SubscriptionStateHeader state = (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
        assertEquals(SubscriptionStateHeader.ACTIVE, state.getState().toLowerCase());
        assertTrue(state.getExpires() > 0 && state.getExpires() <= 600);
        assertEquals("presence", ((EventHeader) notify.getHeader(EventHeader.NAME)).getEventType());
        ContentTypeHeader type = (ContentTypeHeader) notify.getHeader(ContentTypeHeader.NAME);
        assertEquals("application/pidf+xml", type.getContentType() + "/" + type.getContentSubType());
    }

    @Test
    void unknownPresentityIsReportedClosed() throws Exception {
        TestSipUa carol = harness.ua("pres-carol", "udp");
        UaSubscription watch = carol.subscribe("sip:pres-nobody@" + CoreHarness.DOMAIN, 600);
        assertEquals(Response.OK, watch.outcome().status());
        String body = CoreHarness.text(await(carol, watch, n -> true));
        assertTrue(body.contains("<basic>closed</basic>") && body.contains("sip:pres-nobody@example.test"), body);
    }

    @Test
    void subscriberIsNotifiedOfEveryChange() throws Exception {
        TestSipUa dave = harness.ua("pres-dave", "udp");
        TestSipUa erin = harness.ua("pres-erin", "udp");
        UaSubscription watch = erin.subscribe(dave.aor(), 600);
        await(erin, watch, bodyContains("<basic>closed</basic>"));

        byte[] first = pidf(dave.aor(), "first");
        String etag = TestSipUa.etag(dave.publish(first, 600, null));
        await(erin, watch, body(first));

        byte[] second = pidf(dave.aor(), "second");
        SipOutcome modified = dave.publish(second, 600, etag);
        assertEquals(Response.OK, modified.status());
        await(erin, watch, body(second));

        assertEquals(Response.OK, dave.publish(null, 0, TestSipUa.etag(modified)).status());
        await(erin, watch, bodyContains("<basic>closed</basic>"));
    }

    @Test
    void publishRefreshWithIfMatchKeepsTheDocumentUnderANewEtag() throws Exception {
        TestSipUa frank = harness.ua("pres-frank", "udp");
        TestSipUa grace = harness.ua("pres-grace", "udp");
        byte[] pidf = pidf(frank.aor(), "refresh me");
        String first = TestSipUa.etag(frank.publish(pidf, 600, null));
        SipOutcome refreshed = frank.publish(null, 600, first);
        assertEquals(Response.OK, refreshed.status());
        assertNotNull(TestSipUa.etag(refreshed));
        assertNotEquals(first, TestSipUa.etag(refreshed));
        await(grace, grace.subscribe(frank.aor(), 600), body(pidf));
    }

    @Test
    void staleOrUnknownEtagGets412() throws Exception {
        TestSipUa heidi = harness.ua("pres-heidi", "udp");
        String first = TestSipUa.etag(heidi.publish(pidf(heidi.aor(), "v1"), 600, null));
        assertEquals(Response.OK, heidi.publish(pidf(heidi.aor(), "v2"), 600, first).status());
        assertEquals(Response.CONDITIONAL_REQUEST_FAILED, heidi.publish(pidf(heidi.aor(), "v3"), 600, first).status());
        assertEquals(Response.CONDITIONAL_REQUEST_FAILED, heidi.publish(null, 600, "no-such-etag").status());
    }

    @Test
    void initialPublishWithoutBodyIsABadRequest() throws Exception {
        TestSipUa ivan = harness.ua("pres-ivan", "udp");
        assertEquals(Response.BAD_REQUEST, ivan.publish(null, 600, null).status());
    }

    @Test
    void unsubscribeGetsAFinalTerminatedNotify() throws Exception {
        TestSipUa judy = harness.ua("pres-judy", "tcp");
        UaSubscription watch = judy.subscribe("sip:pres-someone@" + CoreHarness.DOMAIN, 600);
        await(judy, watch, state(SubscriptionStateHeader.ACTIVE));
        assertEquals(Response.OK, judy.resubscribe(watch, 300).status());
        await(judy, watch, state(SubscriptionStateHeader.ACTIVE));
        assertEquals(Response.OK, judy.resubscribe(watch, 0).status());
        Request last = await(judy, watch, state(SubscriptionStateHeader.TERMINATED));
        assertEquals("timeout",
                ((SubscriptionStateHeader) last.getHeader(SubscriptionStateHeader.NAME)).getReasonCode());
        assertEquals(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, judy.resubscribe(watch, 300).status());
    }

    @Test
    void shortSubscriptionExpiresWithATimeoutNotify() throws Exception {
        TestSipUa kim = harness.ua("pres-kim", "udp");
        UaSubscription watch = kim.subscribe("sip:pres-other@" + CoreHarness.DOMAIN, 1);
        assertEquals(Response.OK, watch.outcome().status());
        Request last = await(kim, watch, state(SubscriptionStateHeader.TERMINATED));
        assertEquals("timeout",
                ((SubscriptionStateHeader) last.getHeader(SubscriptionStateHeader.NAME)).getReasonCode());
    }

    @Test
    void otherEventPackagesGet489WithAllowEvents() throws Exception {
        TestSipUa leo = harness.ua("pres-leo", "udp");
        String target = "sip:pres-x@" + CoreHarness.DOMAIN;
        Request subscribe = leo.newRequest(Request.SUBSCRIBE, target, target, leo.newCallId());
        subscribe.addHeader(leo.headers().createHeader("Contact", "<" + leo.contactUri() + ">"));
        subscribe.addHeader(leo.headers().createEventHeader("dialog"));
        SipOutcome rejected = leo.send(subscribe);
        assertEquals(Response.BAD_EVENT, rejected.status());
        assertEquals("presence", rejected.header("Allow-Events"));

        Request publish = leo.newRequest(Request.PUBLISH, leo.aor(), leo.aor(), leo.newCallId());
        publish.addHeader(leo.headers().createEventHeader("dialog"));
        publish.setContent("x".getBytes(StandardCharsets.UTF_8),
                leo.headers().createContentTypeHeader("application", "pidf+xml"));
        assertEquals(Response.BAD_EVENT, leo.send(publish).status());
    }

    @Test
    void subscribeInAnUnknownDialogGets481() throws Exception {
        TestSipUa mia = harness.ua("pres-mia", "udp");
        String target = "sip:pres-y@" + CoreHarness.DOMAIN;
        Request subscribe = mia.newRequest(Request.SUBSCRIBE, target, target, mia.newCallId());
        ((ToHeader) subscribe.getHeader(ToHeader.NAME)).setTag("not-ours");
        subscribe.addHeader(mia.headers().createEventHeader("presence"));
        assertEquals(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, mia.send(subscribe).status());
    }

    static byte[] pidf(String entity, String note) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">\n"
                + "  <tuple id=\"t1\"><status><basic>open</basic></status><note>" + note + "</note></tuple>\n"
                + "</presence>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Request await(TestSipUa ua, UaSubscription watch, Predicate<Request> match)
            throws InterruptedException {
        Request notify = ua.awaitNotify(watch.inDialog().and(match), WAIT);
        assertNotNull(notify, "no matching NOTIFY for " + watch.presentity() + " within " + WAIT);
        return notify;
    }

    private static Predicate<Request> body(byte[] expected) {
        return n -> Arrays.equals(expected, n.getRawContent());
    }

    private static Predicate<Request> bodyContains(String text) {
        return n -> n.getRawContent() != null && CoreHarness.text(n).contains(text);
    }

    private static Predicate<Request> state(String state) {
        return n -> state.equalsIgnoreCase(
                ((SubscriptionStateHeader) n.getHeader(SubscriptionStateHeader.NAME)).getState());
    }
}
