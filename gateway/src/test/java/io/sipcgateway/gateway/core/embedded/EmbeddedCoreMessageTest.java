package io.sipcgateway.gateway.core.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.sip.header.ContentTypeHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import io.sipcgateway.gateway.core.SipOutcome;
import io.sipcgateway.gateway.core.TestSipUa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 3428 MESSAGE relay through a running embedded core, both transports, forking and Path. */
class EmbeddedCoreMessageTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(1);
    private static CoreHarness harness;

    @BeforeAll
    static void startCore() throws Exception {
        harness = CoreHarness.start(EmbeddedCoreConfig.loopback(CoreHarness.DOMAIN).withRelayTimeout(RELAY_TIMEOUT));
    }

    @AfterAll
    static void stopCore() {
        harness.close();
    }

    @Test
    void messageIsRelayedWithChineseTextIntactAndTheCalleesOkReturned() throws Exception {
        TestSipUa alice = harness.ua("msg-alice", "udp");
        TestSipUa bob = harness.ua("msg-bob", "tcp");
        assertEquals(Response.OK, bob.register(bob.aor(), 600).status());
        String text = "你好，飞信！今晚一起吃饭吗？ 😀";

        assertEquals(Response.OK, alice.sendMessage(bob.aor(), text));
        Request received = bob.pollMessage(WAIT);
        assertNotNull(received);
        assertEquals(text, CoreHarness.text(received));
        assertEquals(bob.contactUri(), received.getRequestURI().toString());
        ContentTypeHeader type = (ContentTypeHeader) received.getHeader(ContentTypeHeader.NAME);
        assertEquals("text", type.getContentType());
        assertEquals("UTF-8", type.getParameter("charset"));
    }

    @Test
    void theCalleesErrorStatusIsReturnedToTheCaller() throws Exception {
        TestSipUa carol = harness.ua("msg-carol", "tcp");
        TestSipUa dave = harness.ua("msg-dave", "udp");
        dave.answerMessagesWith(Response.BUSY_HERE);
        assertEquals(Response.OK, dave.register(dave.aor(), 600).status());
        assertEquals(Response.BUSY_HERE, carol.sendMessage(dave.aor(), "busy?"));
        assertNotNull(dave.pollMessage(WAIT));
    }

    @Test
    void messageToAnUnregisteredUserGets480AtOnce() throws Exception {
        TestSipUa erin = harness.ua("msg-erin", "udp");
        long start = System.nanoTime();
        assertEquals(Response.TEMPORARILY_UNAVAILABLE, erin.sendMessage("sip:msg-nobody@" + CoreHarness.DOMAIN,
                "anyone?"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
    }

    @Test
    void aSilentCalleeGets408AfterTheRelayTimeout() throws Exception {
        TestSipUa frank = harness.ua("msg-frank", "udp");
        TestSipUa grace = harness.ua("msg-grace", "udp");
        grace.answerMessagesWith(0);
        assertEquals(Response.OK, grace.register(grace.aor(), 600).status());
        long start = System.nanoTime();
        assertEquals(Response.REQUEST_TIMEOUT, frank.sendMessage(grace.aor(), "hello?"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(RELAY_TIMEOUT) >= 0 && took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
        assertNotNull(grace.pollMessage(WAIT));
    }

    @Test
    void messageToAForeignDomainIsForbidden() throws Exception {
        TestSipUa heidi = harness.ua("msg-heidi", "udp");
        assertEquals(Response.FORBIDDEN, heidi.sendMessage("sip:someone@elsewhere.test", "out?"));
    }

    @Test
    void messageForksToEveryContactAndTheFirstOkWins() throws Exception {
        TestSipUa ivan = harness.ua("msg-ivan", "udp");
        TestSipUa judyPhone = harness.ua("msg-judy", "udp");
        TestSipUa judyDesk = harness.ua("msg-judy", "tcp");
        judyDesk.answerMessagesWith(Response.NOT_FOUND);
        assertEquals(Response.OK, judyPhone.register(judyPhone.aor(), 600).status());
        SipOutcome both = judyDesk.register(judyDesk.aor(), 600);
        assertEquals(2, CoreHarness.contactUris(both).size());
        assertEquals(Response.OK, ivan.sendMessage("sip:msg-judy@" + CoreHarness.DOMAIN, "to both"));
        assertEquals("to both", CoreHarness.text(judyPhone.pollMessage(WAIT)));
        assertEquals("to both", CoreHarness.text(judyDesk.pollMessage(WAIT)));
    }

    @Test
    void messageFollowsTheRegisteredPath() throws Exception {
        TestSipUa kim = harness.ua("msg-kim", "udp");
        TestSipUa leo = harness.ua("msg-leo", "udp");
        TestSipUa edge = harness.ua("msg-edge", "udp");
        String edgeHop = "<" + edge.contactUri() + ";lr>";
        assertEquals(Response.OK, leo.register(leo.aor(), leo.contactUri(), 600, List.of(
                leo.headers().createHeader("Path", edgeHop), leo.headers().createSupportedHeader("path"))).status());

        assertEquals(Response.OK, kim.sendMessage(leo.aor(), "via the edge"));
        Request atEdge = edge.pollMessage(WAIT);
        assertNotNull(atEdge, "the MESSAGE did not go to the Path hop");
        assertEquals(leo.contactUri(), atEdge.getRequestURI().toString());
        RouteHeader route = (RouteHeader) atEdge.getHeader(RouteHeader.NAME);
        assertEquals(edge.contactUri() + ";lr", route.getAddress().getURI().toString());
        assertEquals("via the edge", new String(atEdge.getRawContent(), StandardCharsets.UTF_8));
        assertNull(leo.pollMessage(Duration.ofMillis(200)), "the core skipped the Path hop");
    }
}
