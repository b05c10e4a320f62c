package io.sipcgateway.gateway.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.Gateway;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.AccountGenerator;
import io.sipcgateway.gateway.accounts.AccountDirectoryWriter;
import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.GatewayConfig;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.core.TestSipUa;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seconds-long run of the load tool's engine against a gateway on the embedded core, so that CI keeps the tool
 * working (issue 7); the benchmark itself is run by hand (BENCHMARKS.md).
 */
class LoadToolSmokeIT {
    private static final String DOMAIN = "sipc.local";
    private static final int SESSIONS = 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void twentyMixedSessionsSignInAndEveryMessageIsAnswered200AndArrives() throws Exception {
        List<String> progress = new ArrayList<>();
        LoadReport report = runOnEmbeddedGateway(front -> new LoadConfig(front.host(), front.port(), SESSIONS, 0, 50,
                0.5, 20, 0, Duration.ofSeconds(3), Duration.ZERO, Duration.ZERO, true, true, Duration.ofSeconds(5), 4,
                1, Optional.empty()), progress);
        assertEquals(SESSIONS, report.signedIn(), report.text());
        assertEquals(0, report.errorCount(), report.text());
        assertTrue(report.sent() >= 50, "about 60 messages in 3 s at 20/s: " + report.text());
        assertEquals(report.sent(), report.answeredOk(), report.text());
        assertEquals(report.sent(), report.delivered(), "every message reaches its receiver: " + report.text());
        assertEquals(report.sent(), report.answer().count(), report.text());
        assertTrue(report.answer().p50() > 0 && report.answer().p99() >= report.answer().p50()
                && report.answer().p999() >= report.answer().p99(), report.text());
        assertTrue(report.json().contains("\"p999Ms\""), report.json());
        synchronized (progress) {
            assertTrue(progress.size() >= 3, "a progress line every second: " + progress);
        }
    }

    @Test
    @Timeout(60)
    void closedLoopKeepsTheWindowFullAndReportsTheSteadyRate() throws Exception {
        LoadReport report = runOnEmbeddedGateway(front -> new LoadConfig(front.host(), front.port(), 10, 0, 50,
                0.5, 0, 4, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ZERO, false, false,
                Duration.ofSeconds(5), 4, 1, Optional.empty()), new ArrayList<>());
        assertEquals(0, report.errorCount(), report.text());
        // Four messages always unanswered for 3 s: far more than the window, each answered and delivered.
        assertTrue(report.sent() > 40, report.text());
        assertEquals(report.sent(), report.answeredOk(), report.text());
        assertEquals(report.sent(), report.delivered(), report.text());
        assertTrue(report.steadyPerSecond() > 0 && report.steadyPerSecond() * 2 <= report.sent(),
                "the steady rate counts the 2 s after the warm-up only: " + report.text());
        assertTrue(report.json().contains("\"steadyPerSecond\""), report.json());
    }

    @Test
    @Timeout(60)
    void aShareOfTheMessagesGoesToAStandardSipUserAndItsMessagesReachTheSessions() throws Exception {
        int corePort = freePort();
        // A numeric user part: a legacy client can only see a sender that has a legacy (sid-shaped) identity.
        try (TestSipUa peer = TestSipUa.start("700000001", DOMAIN, "127.0.0.1", corePort, "udp")) {
            ExecutorService fromPeer = Executors.newSingleThreadExecutor();
            List<Future<Integer>> sentByPeer = new ArrayList<>();
            try {
                LoadReport report = runOnEmbeddedGateway(corePort, front -> {
                    // Once the gateway is up: register the peer, then write to two sessions after their login.
                    assertEquals(200, register(peer));
                    for (int i = 0; i < 2; i++) {
                        String to = "sip:" + AccountGenerator.sid(i) + "@" + DOMAIN;
                        String text = "from sip " + i;
                        sentByPeer.add(fromPeer.submit(() -> {
                            Thread.sleep(1500);
                            return peer.sendMessage(to, text);
                        }));
                    }
                    return new LoadConfig(front.host(), front.port(), 10, 0, 50, 0.5, 20, 0, Duration.ofSeconds(3),
                            Duration.ZERO, Duration.ZERO, false, false, Duration.ofSeconds(5), 4, 1,
                            Optional.of(new LoadConfig.SipPeer(peer.aor(), 0.25)));
                }, new ArrayList<>());
                assertEquals(0, report.errorCount(), report.text());
                for (Future<Integer> status : sentByPeer) {
                    assertEquals(200, status.get(5, TimeUnit.SECONDS), "the sessions answer the SIP user 200");
                }
                long toPeer = report.peer().sent();
                assertTrue(toPeer >= report.sent() / 4 - 1 && toPeer <= report.sent() / 4 + 1,
                        "a quarter of the messages: " + report.text());
                assertEquals(toPeer, report.peer().answeredOk(), report.text());
                assertEquals(report.sent(), report.answeredOk(), report.text());
                assertEquals(report.sent() - toPeer, report.delivered(), "the rest reach load sessions: "
                        + report.text());
                assertEquals(2, report.peer().arrived(), "the SIP user's two messages arrive: " + report.text());
                int received = 0;
                while (peer.pollMessage(Duration.ofMillis(200)) != null) {
                    received++;
                }
                assertEquals(toPeer, received, "the SIP user received what the sessions sent it");
            } finally {
                fromPeer.shutdownNow();
            }
        }
    }

    private static int register(TestSipUa ua) {
        try {
            return ua.register(ua.aor(), 300).status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Timeout(60)
    void withInspectionOffNoPairIsKeptButTheMetricsCountEveryMessage() throws Exception {
        List<String> seen = new ArrayList<>();
        LoadReport report = runOnEmbeddedGateway(freePort(), b -> b.inspect(b.inspect().withOff(true)),
                front -> new LoadConfig(front.host(), front.port(), 4, 0, 50, 0.5, 10, 0, Duration.ofSeconds(2),
                        Duration.ZERO, Duration.ZERO, false, false, Duration.ofSeconds(5), 4, 1, Optional.empty()),
                new ArrayList<>(), gateway -> {
                    seen.add(String.valueOf(gateway.inspector().recent(1000).size()));
                    seen.add(gateway.metrics().scrape());
                });
        assertEquals(0, report.errorCount(), report.text());
        assertTrue(report.sent() >= 10, report.text());
        assertEquals("0", seen.get(0), "no pair is built or kept with --no-inspect");
        double counted = seen.get(1).lines().filter(l -> l.startsWith("sipc_gateway_messages_total{")
                && l.contains("method=\"MESSAGE\"") && l.contains("direction=\"legacy_to_core\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertEquals(report.sent(), (long) counted, "every M the sessions sent is counted: " + seen.get(1));
    }

    private LoadReport runOnEmbeddedGateway(Function<HostAndPort, LoadConfig> load, List<String> progress)
            throws Exception {
        return runOnEmbeddedGateway(freePort(), load, progress);
    }

    private LoadReport runOnEmbeddedGateway(int corePort, Function<HostAndPort, LoadConfig> load,
            List<String> progress) throws Exception {
        return runOnEmbeddedGateway(corePort, b -> b, load, progress, gateway -> { });
    }

    private LoadReport runOnEmbeddedGateway(int corePort, UnaryOperator<GatewayConfig.Builder> tweak,
            Function<HostAndPort, LoadConfig> load, List<String> progress, Consumer<Gateway> atEnd)
            throws Exception {
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"),
                AccountDirectoryWriter.toYaml(AccountDirectory.generate(SESSIONS, DOMAIN), DOMAIN));
        GatewayConfig.Builder config = GatewayConfig.DEFAULTS.toBuilder()
                .sipcListen(new HostAndPort("127.0.0.1", 0))
                .httpListen(new HostAndPort("127.0.0.1", 0))
                .httpsListen(new HostAndPort("127.0.0.1", 0))
                .sipListen(new HostAndPort("127.0.0.1", freePort()))
                .core(new CoreTarget.Embedded(new HostAndPort("127.0.0.1", corePort)))
                .domain(DOMAIN)
                .accounts(accounts);
        try (Gateway gateway = Gateway.start(tweak.apply(config).build())) {
            LoadReport report = LoadEngine.run(load.apply(gateway.legacyAddress()), line -> {
                synchronized (progress) {
                    progress.add(line);
                }
            });
            atEnd.accept(gateway);
            return report;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
