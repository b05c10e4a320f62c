package io.sipcgateway.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.RouteHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/**
 * Real SIP traffic between jain-sip UAs through a real Kamailio running the project's kamailio.cfg: registrar,
 * MESSAGE relay, presence, Path, health check, hostile input and a core restart.
 */
class KamailioCoreIT {

    @RegisterExtension
    static final KamailioCore CORE = KamailioCore.builder("it").build();

    private static final String PIDF_NS = "urn:ietf:params:xml:ns:pidf";
    private static final Duration DELIVERY = Duration.ofSeconds(5);
    private static final Duration NOTHING_ARRIVES = Duration.ofMillis(500);
    private static final int EXPIRES = 300;

    private TestSipUa alice;
    private TestSipUa bob;

    @BeforeEach
    void registerAliceAndBob() throws Exception {
        CORE.assertRunning();
        alice = TestSipUa.start("alice", CORE);
        bob = TestSipUa.start("bob", CORE);
        assertRegisteredAlone(alice);
        assertRegisteredAlone(bob);
    }

    @AfterEach
    void unregisterAndClose() throws Exception {
        try {
            // Contact: * so the next test starts without stale bindings, whatever this test left behind.
            if (CORE.isRunning()) {
                for (TestSipUa ua : new TestSipUa[] {alice, bob}) {
                    if (ua != null) {
                        ua.unregisterAll(ua.aor());
                    }
                }
            }
        } finally {
            TestSipUa.closeAll(alice, bob);
        }
        CORE.assertRunning();
    }

    @Test
    void messageRelayedBetweenRegisteredUsersWithUtf8TextIntact() throws Exception {
        String text = "你好，世界";

        int status = alice.sendMessage(bob.aor(), text);

        assertEquals(Response.OK, status, "bob's 200 relayed back to alice");
        Request received = bob.pollMessage(DELIVERY);
        assertNotNull(received, "bob received no MESSAGE");
        assertEquals(text, new String(received.getRawContent(), StandardCharsets.UTF_8));
        ContentTypeHeader type = (ContentTypeHeader) received.getHeader(ContentTypeHeader.NAME);
        assertEquals("text/plain", type.getContentType() + "/" + type.getContentSubType());
        assertEquals("UTF-8", type.getParameter("charset"));
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, received.getContentLength().getContentLength());
        FromHeader from = (FromHeader) received.getHeader(FromHeader.NAME);
        assertEquals(alice.aor(), from.getAddress().getURI().toString());
        // lookup() rewrote the R-URI from the AoR to bob's registered contact (RFC 3261 section 16.5).
        assertEquals(bob.contactUri(), received.getRequestURI().toString());
    }

    @Test
    void presencePublishedByOneUserReachesSubscriberAsPidfNotify() throws Exception {
        SipOutcome subscribed = bob.subscribe(alice.aor());
        // 200, not the 202 that RFC 6665 deprecated (subs_respond_200=1); Contact = the server, for refreshes.
        assertEquals(Response.OK, subscribed.status());
        assertEquals("<" + CORE.selfUri() + ">", subscribed.header(ContactHeader.NAME));

        String note = "在线 online for tests";
        String etag = alice.publish(pidf(alice.aor(), "open", note));

        assertFalse(etag.isBlank());
        // The first NOTIFY (right after the SUBSCRIBE) may predate the PUBLISH: wait for one carrying a PIDF.
        Request notify = bob.awaitNotify(KamailioCoreIT::hasBody, DELIVERY);
        assertNotNull(notify, "bob got no NOTIFY with a PIDF body");
        assertEquals("presence", ((EventHeader) notify.getHeader(EventHeader.NAME)).getEventType());
        SubscriptionStateHeader state = (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
        assertEquals(SubscriptionStateHeader.ACTIVE, state.getState().toLowerCase());
        ContentTypeHeader type = (ContentTypeHeader) notify.getHeader(ContentTypeHeader.NAME);
        assertEquals("application/pidf+xml", type.getContentType() + "/" + type.getContentSubType());
        Document pidf = parse(notify.getRawContent());
        assertEquals(alice.aor(), pidf.getDocumentElement().getAttribute("entity"));
        assertEquals("open", text(pidf, "basic"));
        assertEquals(note, text(pidf, "note"));
    }

    @Test
    void unregisterRemovesContactSoMessageGets404or480() throws Exception {
        assertEquals(Response.OK, bob.sendMessage(alice.aor(), "before"), "alice reachable while registered");
        assertNotNull(alice.pollMessage(DELIVERY));

        SipOutcome unregistered = alice.unregister(alice.aor());

        assertEquals(Response.OK, unregistered.status());
        assertTrue(TestSipUa.contacts(unregistered.response()).isEmpty(), "200 lists no binding left");
        int status = bob.sendMessage(alice.aor(), "after");
        assertTrue(status == Response.NOT_FOUND || status == Response.TEMPORARILY_UNAVAILABLE,
                "MESSAGE to an AoR without contacts: expected 404 or 480, got " + status);
        assertNull(alice.pollMessage(NOTHING_ARRIVES), "nothing may reach the unregistered contact");
    }

    @Test
    void coreRestartMidTestRecovers() throws Exception {
        assertEquals(Response.OK, alice.sendMessage(bob.aor(), "before restart"));
        assertNotNull(bob.pollMessage(DELIVERY));
        try {
            CORE.stop();
            assertFalse(CORE.isRunning());

            // Nobody answers on the core's port: jain-sip's Timer F fires (here after ~2 s) and reports 408.
            long started = System.nanoTime();
            int whileDown = alice.sendMessage(bob.aor(), "while down", Duration.ofSeconds(2));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(Response.REQUEST_TIMEOUT, whileDown);
            assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "timeout took " + took);
        } finally {
            if (!CORE.isRunning()) {
                CORE.start();
            }
        }

        // usrloc is memory-only (kamailio.cfg): the restarted core has forgotten every binding.
        assertEquals(Response.NOT_FOUND, alice.sendMessage(bob.aor(), "before re-register"));
        assertRegisteredAlone(alice);
        assertRegisteredAlone(bob);
        assertEquals(Response.OK, alice.sendMessage(bob.aor(), "after restart"));
        Request received = bob.pollMessage(DELIVERY);
        assertNotNull(received);
        assertEquals("after restart", new String(received.getRawContent(), StandardCharsets.UTF_8));
        assertNull(bob.pollMessage(NOTHING_ARRIVES), "the MESSAGE sent while down must not arrive late");
    }

    @Test
    void optionsAnsweredForHealthCheck() throws Exception {
        for (String target : List.of(CORE.selfUri(), "sip:" + CORE.domain())) {
            SipOutcome outcome = alice.options(target);

            assertEquals(Response.OK, outcome.status(), "OPTIONS " + target);
            String allow = outcome.header("Allow");
            assertNotNull(allow, "200 to OPTIONS lists Allow (RFC 3261 section 11.2)");
            for (String method : List.of("REGISTER", "MESSAGE", "PUBLISH", "SUBSCRIBE")) {
                assertTrue(allow.contains(method), "Allow: " + allow + " lacks " + method);
            }
            assertTrue(outcome.header("Supported").contains("path"));
            assertTrue(outcome.header("Server").contains("kamailio"));
        }
    }

    @Test
    void registrationWithPathRoutesMessageThroughGateway() throws Exception {
        // A gateway UA registers carol (a legacy client it serves) with a contact nobody listens on and a Path
        // pointing at itself, as the SIP-C gateway will: requests for carol must reach the gateway (RFC 3327).
        try (TestSipUa gateway = TestSipUa.start("gateway", CORE)) {
            String carol = "sip:carol@" + CORE.domain();
            String unreachableContact = "sip:carol@192.0.2.1:5060";
            String path = "sip:" + KamailioCore.HOST + ":" + gateway.localPort() + ";lr";
            List<Header> extra = List.of(
                    gateway.headers().createHeader("Path", "<" + path + ">"),
                    gateway.headers().createSupportedHeader("path"));
            try {
                SipOutcome registered = gateway.register(carol, unreachableContact, EXPIRES, extra);

                assertEquals(Response.OK, registered.status());
                // path_mode=1 echoes the stored Path as the REGISTER said "Supported: path" (RFC 3327 section 5.3).
                assertEquals("<" + path + ">", registered.header("Path"));

                assertEquals(Response.OK, bob.sendMessage(carol, "via the gateway"));
                Request received = gateway.pollMessage(DELIVERY);
                assertNotNull(received, "the MESSAGE for carol did not reach the Path URI");
                assertEquals(unreachableContact, received.getRequestURI().toString());
                RouteHeader route = (RouteHeader) received.getHeader(RouteHeader.NAME);
                assertNotNull(route, "lookup() turns the Path into a Route header");
                assertEquals(path, route.getAddress().getURI().toString());
                assertEquals("via the gateway", new String(received.getRawContent(), StandardCharsets.UTF_8));
            } finally {
                gateway.unregisterAll(carol);
            }
        }
    }

    @Test
    void malformedRequestsAreRejectedOrDroppedAndCoreKeepsServing() throws Exception {
        // CSeq method differs from the request method: sanity check 32 answers 400 (RFC 3261 section 8.1.1.5).
        String mismatched = "MESSAGE sip:bob@" + CORE.domain() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:${localPort};branch=z9hG4bK-hostile-1;rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:mallory@" + CORE.domain() + ">;tag=m1\r\n"
                + "To: <sip:bob@" + CORE.domain() + ">\r\n"
                + "Call-ID: hostile-1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 2\r\n\r\nhi";
        String reply = CORE.exchangeRawUdp(mismatched, DELIVERY);
        assertNotNull(reply, "no reply to a request with a mismatched CSeq method");
        assertTrue(reply.startsWith("SIP/2.0 400"), reply);
        assertNull(bob.pollMessage(NOTHING_ARRIVES), "a rejected MESSAGE must not be relayed");

        // Not SIP at all: silently dropped (there is no Via to answer to), and nothing crashes.
        assertNull(CORE.exchangeRawUdp("\u0000\u0001 GET / HTTP/1.1\r\n\r\n", NOTHING_ARRIVES));

        CORE.assertRunning();
        assertEquals(Response.OK, alice.options(CORE.selfUri()).status());
        assertEquals(Response.OK, alice.sendMessage(bob.aor(), "still serving"));
    }

    @Test
    void messageToOfflineUserIsStoredByMsiloAndDeliveredOnRegister() throws Exception {
        // msilo is off in the default flavour (an offline user gets 404, see above); this starts a second core
        // with -A WITH_MSILO.
        try (KamailioCore silo = KamailioCore.builder("msilo").define("WITH_MSILO").build()) {
            silo.start();
            TestSipUa sender = TestSipUa.start("alice", silo);
            TestSipUa dave = null;
            try {
                dave = TestSipUa.start("dave", silo);
                String text = "留言 stored while dave was offline";

                // 202 Accepted (RFC 3428): stored, to be delivered later.
                assertEquals(Response.ACCEPTED, sender.sendMessage(dave.aor(), text));
                assertNull(dave.pollMessage(NOTHING_ARRIVES));

                assertEquals(Response.OK, dave.register(dave.aor(), EXPIRES).status());
                Request stored = dave.pollMessage(DELIVERY);
                assertNotNull(stored, "msilo did not deliver the stored MESSAGE on REGISTER");
                assertEquals(text, new String(stored.getRawContent(), StandardCharsets.UTF_8));
                assertEquals(sender.aor(), ((FromHeader) stored.getHeader(FromHeader.NAME)).getAddress().getURI()
                        .toString());
            } finally {
                TestSipUa.closeAll(sender, dave);
            }
            silo.assertRunning();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static void assertRegisteredAlone(TestSipUa ua) throws Exception {
        SipOutcome outcome = ua.register(ua.aor(), EXPIRES);
        assertEquals(Response.OK, outcome.status(), "REGISTER " + ua.aor());
        List<ContactHeader> bindings = TestSipUa.contacts(outcome.response());
        assertEquals(1, bindings.size(), "bindings of " + ua.aor() + ": " + bindings);
        assertEquals(ua.contactUri(), bindings.get(0).getAddress().getURI().toString());
    }

    private static String pidf(String entity, String basic, String note) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="%s">
                  <tuple id="t1"><status><basic>%s</basic></status><note>%s</note></tuple>
                </presence>
                """.formatted(entity, basic, note);
    }

    private static boolean hasBody(Request request) {
        byte[] body = request.getRawContent();
        return body != null && body.length > 0;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document pidf, String element) {
        return pidf.getElementsByTagNameNS(PIDF_NS, element).item(0).getTextContent();
    }
}
