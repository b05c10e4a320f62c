package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.inspect.json.EventJson;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A v4 login (digest/RSA responses, credentials, kernel) through every sink: no secret comes out anywhere. */
class MaskingAcrossSinksTest {
    @TempDir
    Path dir;

    @Test
    void noSecretReachesAnySink() throws Exception {
        assertNoSecretIn(runLogin(false));
    }

    @Test
    void redactedBodiesReachNoSinkEither() throws Exception {
        String all = runLogin(true);
        assertNoSecretIn(all);
        assertFalse(all.contains("machine-code"), "bodies are gone");
        assertTrue(all.contains("[redacted 375 bytes]"), "the R body in JSON");
        assertTrue(all.contains("L: 375\\r\\n\\r\\n[redacted 375 bytes]"), "the JSON log keeps the original L");
        assertTrue(all.contains("L: 20\r\n\r\n[redacted 375 bytes]"), "the pcap's TCP stream still frames");
    }

    /** Runs the login pair through JSON Lines, HEP, pcap, a live listener and recent(); returns all their output. */
    private String runLogin(boolean redact) throws Exception {
        Path log = dir.resolve("inspect.jsonl");
        Path pcap = dir.resolve("inspect.pcap");
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InspectOptions options = new InspectOptions(Optional.of(log.toString()), 1 << 20, 2,
                    Optional.of("127.0.0.1:" + collector.getLocalPort()), 9, Optional.of(pcap), 1 << 20, redact, false);
            Inspector inspector = Inspector.create(options.inspectorConfig(), options.openSinks(),
                    GatewayMetrics.create());
            StringBuilder live = new StringBuilder();
            inspector.subscribe(event -> live.append(EventJson.toLine(event)).append('\n'));
            Pairs.login().forEach(inspector::record);
            inspector.close();

            ByteArrayOutputStream hep = new ByteArrayOutputStream();
            collector.setSoTimeout(500);
            byte[] buffer = new byte[65_535];
            int datagrams = 0;
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                    collector.receive(p);
                    hep.write(p.getData(), 0, p.getLength());
                    datagrams++;
                }
            } catch (SocketTimeoutException done) {
                assertEquals(4, datagrams, "two legs per event");
            }
            return Files.readString(log, StandardCharsets.UTF_8) + live + inspector.recent(10)
                    + hep.toString(StandardCharsets.ISO_8859_1)
                    + new String(Files.readAllBytes(pcap), StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertNoSecretIn(String output) {
        assertTrue(output.contains("response=\\\"***\\\""), "masked, not dropped: " + output.length());
        for (String secret : Pairs.SECRETS) {
            assertFalse(output.contains(secret), "secret found in a sink's output: " + secret);
        }
    }
}
