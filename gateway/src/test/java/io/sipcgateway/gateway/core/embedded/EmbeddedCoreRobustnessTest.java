package io.sipcgateway.gateway.core.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health check, methods it does not serve, broken and hostile input, and a clean stop. */
class EmbeddedCoreRobustnessTest {
    private static final String CORE_URI_USERLESS = "sip:" + CoreHarness.DOMAIN;
    private static CoreHarness harness;
    private RawSip raw;

    @BeforeAll
    static void startCore() throws Exception {
        harness = CoreHarness.start();
    }

    @AfterAll
    static void stopCore() {
        harness.close();
    }

    @BeforeEach
    void openSocket() throws Exception {
        raw = new RawSip(harness.core().address());
    }

    @AfterEach
    void closeSocket() {
        raw.close();
    }

    @Test
    void optionsAnswers200WithAllow() throws Exception {
        String answer = raw.exchange(raw.request("OPTIONS", CORE_URI_USERLESS, null));
        assertStatus(200, answer);
        assertTrue(answer.contains("Allow: "), answer);
        assertTrue(answer.contains("MESSAGE"), answer);
    }

    @Test
    void garbageDatagramsDoNotStopTheCore() throws Exception {
        byte[] noise = new byte[1500];
        ThreadLocalRandom.current().nextBytes(noise);
        raw.send(noise);
        raw.send("NOT SIP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        raw.send("INVITE sip:x@example.test SIP/2.0\r\nVia: broken\r\nContent-Length: 99999\r\n\r\nx"
                .getBytes(StandardCharsets.US_ASCII));
        raw.send(new byte[0]);
        // whatever came back for those (jain-sip may send a 400), a valid OPTIONS is still answered
        String answer = Poll.until(Duration.ofSeconds(5),
                () -> raw.exchange(raw.request("OPTIONS", CORE_URI_USERLESS, null)),
                a -> a != null && a.startsWith("SIP/2.0 200"));
        assertStatus(200, answer);
    }

    @Test
    void garbageAndOversizedTcpInputDoNotStopTheCore() throws Exception {
        try (Socket tcp = new Socket(harness.core().address().getAddress(), harness.core().address().getPort())) {
            OutputStream out = tcp.getOutputStream();
            out.write("MESSAGE sip:a@example.test SIP/2.0\r\nContent-Length: 10000000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[8192];
            for (int i = 0; i < 16; i++) {
                out.write(chunk);
            }
            out.flush();
        } catch (IOException expected) {
            // the core may close the connection under us: that is the point
        }
        assertStatus(200, raw.exchange(raw.request("OPTIONS", CORE_URI_USERLESS, null)));
    }

    @Test
    void requestWithoutMaxForwardsGets400() throws Exception {
        assertStatus(400, raw.exchange(raw.request("MESSAGE", "sip:x@" + CoreHarness.DOMAIN, "Max-Forwards")));
    }

    @Test
    void subscribeWithoutEventGets400() throws Exception {
        assertStatus(400, raw.exchange(raw.request("SUBSCRIBE", "sip:x@" + CoreHarness.DOMAIN, null)));
    }

    @Test
    void messageOutOfHopsGets483() throws Exception {
        String request = raw.request("MESSAGE", "sip:x@" + CoreHarness.DOMAIN, "Max-Forwards", "Max-Forwards: 0");
        assertStatus(483, raw.exchange(request));
    }

    @Test
    void inviteGets405WithAllow() throws Exception {
        String answer = raw.exchange(raw.request("INVITE", "sip:x@" + CoreHarness.DOMAIN, null));
        assertStatus(405, answer);
        assertTrue(answer.contains("Allow: "), answer);
    }

    @Test
    void unknownMethodGets501WithAllow() throws Exception {
        String answer = raw.exchange(raw.request("FROBNICATE", "sip:x@" + CoreHarness.DOMAIN, null));
        assertStatus(501, answer);
        assertTrue(answer.contains("Allow: "), answer);
    }

    @Test
    void unknownRequiredExtensionGets420WithUnsupported() throws Exception {
        String answer = raw.exchange(raw.request("OPTIONS", CORE_URI_USERLESS, null, "Require: 100rel"));
        assertStatus(420, answer);
        assertTrue(answer.contains("Unsupported: 100rel"), answer);
    }

    @Test
    void stopLeavesNoNonDaemonThreadBehind() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        EmbeddedCore core = EmbeddedCore.start(EmbeddedCoreConfig.loopback(CoreHarness.DOMAIN));
        try (RawSip probe = new RawSip(core.address())) {
            assertStatus(200, probe.exchange(probe.request("OPTIONS", CORE_URI_USERLESS, null)));
        }
        core.stop();
        core.stop(); // idempotent
        Set<Thread> leaked = Poll.until(Duration.ofSeconds(5), () -> {
            Set<Thread> now = nonDaemonThreads();
            now.removeAll(before);
            return now;
        }, Set::isEmpty);
        assertEquals(Set.of(), leaked.stream().map(Thread::getName).collect(Collectors.toSet()));
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    private static void assertStatus(int status, String answer) {
        assertNotNull(answer, "no answer");
        assertTrue(answer.startsWith("SIP/2.0 " + status + " "), answer);
    }
}
