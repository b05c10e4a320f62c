package io.sipcgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.Gateway;
import io.sipcgateway.gateway.cli.InspectCommand;
import io.sipcgateway.gateway.client.ClientConfig;
import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.GatewayConfig;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.core.TestSipUa;
import io.sipcgateway.gateway.inspect.ExternalTools;
import io.sipcgateway.gateway.inspect.InspectOptions;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.json.EventJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inspection end to end: a v4 legacy client signs in, sets presence and sends a message to a standard SIP UA
 * through the gateway (embedded core); each pair is then found in the JSON Lines log with its SIP-C and SIP legs
 * correlated, in the {@code inspect} command's output from the admin listener, and in the pcap read by the real
 * tshark with both legs; the Prometheus counters match the traffic.
 */
class InspectionIT {
    private static final Duration WAIT = Duration.ofSeconds(8);
    private static final Duration TOOL = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void everyPairIsInTheLogThePcapAndTheMetrics() throws Exception {
        Path log = dir.resolve("pairs.jsonl");
        Path pcap = dir.resolve("legs.pcap");
        String domain = "sipc.local";
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), BridgeScenarios.accountsYaml(domain));
        GatewayConfig config = GatewayConfig.DEFAULTS.toBuilder()
                .sipcListen(new HostAndPort("127.0.0.1", 0))
                .httpListen(new HostAndPort("127.0.0.1", 0))
                .httpsListen(new HostAndPort("127.0.0.1", 0))
                .adminListen(new HostAndPort("127.0.0.1", 0))
                .sipListen(new HostAndPort("127.0.0.1", BridgeScenarios.freePort()))
                .core(new CoreTarget.Embedded(new HostAndPort("127.0.0.1", BridgeScenarios.freePort())))
                .domain(domain)
                .accounts(accounts)
                .inspect(InspectOptions.NONE.withLog(log.toString()).withPcap(pcap))
                .build();
        try (Gateway gateway = Gateway.start(config)) {
            CoreTarget.Embedded core = (CoreTarget.Embedded) config.core();
            try (TestSipUa bob = TestSipUa.start("bob", domain, "127.0.0.1", core.listen().port(), "udp")) {
                assertEquals(200, bob.register(bob.aor(), 300).status());
                HostAndPort at = gateway.legacyAddress();
                LegacyClient carol = LegacyClient.connect(at.host(), at.port(),
                        ClientConfig.DEFAULT.withKeepAliveInterval(Duration.ZERO)).orElseThrow();
                try {
                    carol.login(ClientLogin.v4(BridgeScenarios.CAROL, "300000003", "carolpw")).orElseThrow();
                    assertTrue(BridgeScenarios.eventually(() -> gateway.core().registeredUsers() == 1));
                    carol.setPresence(100).orElseThrow();
                    assertEquals(200, carol.sendMessage(BridgeScenarios.BOB, "inspect me 你好").orElseThrow().code());
                    assertTrue(bob.pollMessage(WAIT) != null);
                } finally {
                    carol.close();
                }
            }
            assertTrue(BridgeScenarios.eventually(() -> gateway.inspector().buffered() == 0));
            StringWriter tail = new StringWriter();
            CommandLine inspect = new CommandLine(new InspectCommand());
            inspect.setOut(new PrintWriter(tail));
            int exit = inspect.execute("--admin", gateway.admin().address().toString(), "--user",
                    BridgeScenarios.CAROL, "--method", "M", "--backlog", "50", "--limit", "1", "--json");
            assertEquals(0, exit, tail.toString());
            assertTrue(tail.toString().contains("MESSAGE sip:bob@sipc.local"), "inspect shows the M pair: " + tail);
            String metrics = gateway.metrics().scrape();
            assertTrue(metrics.contains("sipc_gateway_messages_total"), metrics);
            assertTrue(counter(metrics, "MESSAGE", "legacy_to_core", "success") >= 1, metrics);
            assertTrue(counter(metrics, "SERVICE", "legacy_to_core", "success") >= 1, metrics);
        }

        List<TranslationEvent> events = Files.readAllLines(log).stream().map(EventJson::parse).toList();
        TranslationEvent message = events.stream().filter(e -> e.sipc().startsWith("M fetion.com.cn"))
                .findFirst().orElseThrow(() -> new AssertionError("no M pair in " + events));
        assertEquals(TranslationEvent.Direction.LEGACY_TO_CORE, message.direction());
        assertEquals(TranslationEvent.Outcome.Kind.SUCCESS, message.outcome().kind());
        assertTrue(message.sip().get(0).startsWith("MESSAGE sip:bob@sipc.local"), message.sip().get(0));
        assertFalse(message.correlation().sipCallIds().isEmpty());
        assertTrue(message.sip().get(0).contains(message.correlation().sipCallIds().get(0)));
        assertTrue(message.sipc().contains("inspect me 你好"), "message text kept (not redacted)");
        assertTrue(events.stream().anyMatch(e -> e.sip().stream().anyMatch(s -> s.startsWith("PUBLISH"))),
                "SetPresence -> PUBLISH pair");
        assertTrue(events.stream().anyMatch(e -> e.direction() == TranslationEvent.Direction.LOCAL
                && e.sipc().startsWith("R fetion.com.cn")), "the login, answered by the gateway");
        assertTrue(events.stream().noneMatch(e -> e.sipc().matches("(?s).*A: Digest response=\"[0-9A-F]{32,}.*")),
                "digest responses are masked");

        String tshark = ExternalTools.require("tshark", "tshark").toString();
        String sip = ExternalTools.output(TOOL, tshark, "-r", pcap.toString(), "-Y", "sip", "-T", "fields",
                "-e", "sip.Method", "-e", "sip.Call-ID");
        assertTrue(sip.contains("MESSAGE\t" + message.correlation().sipCallIds().get(0)), sip);
        String follow = ExternalTools.output(TOOL, tshark, "-r", pcap.toString(), "-qz", "follow,tcp,ascii,0");
        assertTrue(follow.contains("SIP-C/4.0"), "the legacy leg is on a TCP stream in the pcap");
    }

    private static double counter(String scrape, String method, String direction, String outcome) {
        Matcher m = Pattern.compile("sipc_gateway_messages_total\\{[^}]*method=\"" + method + "\"[^}]*\\} (\\S+)")
                .matcher(scrape);
        double total = 0;
        while (m.find()) {
            String labels = m.group(0);
            if (labels.contains(direction) && labels.contains(outcome)) {
                total += Double.parseDouble(m.group(1));
            }
        }
        return total;
    }
}
