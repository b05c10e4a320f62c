package io.sipcgateway.gateway.inspect.hep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sipcgateway.gateway.inspect.ExternalTools;
import io.sipcgateway.gateway.inspect.Inspector;
import io.sipcgateway.gateway.inspect.InspectorConfig;
import io.sipcgateway.gateway.inspect.Pairs;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The HEP export read by the real sngrep (Debian package {@code sngrep}, 1.6 on bookworm) running headless as a HEP
 * listener that saves what it parses to a pcap ({@code sngrep -N -q -L udp:127.0.0.1:PORT -O FILE}); tshark then reads
 * that pcap. sngrep ignores SIGTERM in {@code -N} mode but writes each packet as it parses it, so it is killed.
 */
class HepSngrepIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path DIR = Path.of("target", "inspect-it");

    @Test
    void sngrepShowsBothLegsWithTheLegacyOneRenderedAsSipInOneCallIdEach() throws Exception {
        String sngrep = ExternalTools.require("sngrep", "sngrep").toString();
        String tshark = ExternalTools.require("tshark", "tshark").toString();
        Files.createDirectories(DIR);
        Path pcap = DIR.resolve("sngrep-hep.pcap");
        Files.deleteIfExists(pcap);
        int port = freeUdpPort();
        Path log = DIR.resolve("sngrep.log");
        Process process = new ProcessBuilder(sngrep, "-N", "-q", "-L", "udp:127.0.0.1:" + port, "-O", pcap.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        int expected = Pairs.all().stream().mapToInt(e -> 1 + e.sip().size()).sum();
        try {
            awaitListening(process, port, log);
            Inspector inspector = Inspector.create(InspectorConfig.DEFAULT, List.of(HepSink.open("127.0.0.1:" + port,
                    HepSink.DEFAULT_CAPTURE_ID)), GatewayMetrics.create());
            Pairs.all().forEach(inspector::record);
            inspector.close();
            awaitPackets(tshark, pcap, expected);
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        String sip = ExternalTools.output(TIMEOUT, tshark, "-r", pcap.toString(), "-Y", "sip", "-T", "fields",
                "-e", "sip.Call-ID", "-e", "sip.CSeq.method", "-e", "ip.src", "-e", "ip.dst");
        Map<String, Long> perCallId = sip.lines().collect(Collectors.groupingBy(l -> l.split("\t")[0],
                Collectors.counting()));
        assertEquals(Map.of("c2@gateway.sipc.local", 4L, "m1@gateway.sipc.local", 4L, "s4@gateway.sipc.local", 4L,
                "s5@gateway.sipc.local", 1L), perCallId, "both legs of each pair share a Call-ID:\n" + sip);

        String legacy = ExternalTools.output(TIMEOUT, tshark, "-r", pcap.toString(), "-Y",
                "sip && frame contains \"X-Fetion-Original\"", "-T", "fields", "-e", "sip.Request-Line",
                "-e", "sip.Status-Line", "-e", "sip.Call-ID", "-e", "ip.src");
        List<String> rows = legacy.lines().toList();
        assertEquals(6, rows.size(), legacy);
        assertTrue(rows.contains("REGISTER sip:fetion.com.cn SIP/2.0\t\tc2@gateway.sipc.local\t192.0.2.10"), legacy);
        assertTrue(rows.contains("MESSAGE sip:fetion.com.cn SIP/2.0\t\tm1@gateway.sipc.local\t192.0.2.10"), legacy);
        assertTrue(rows.contains("SUBSCRIBE sip:fetion.com.cn SIP/2.0\t\ts4@gateway.sipc.local\t192.0.2.10"), legacy);
        assertTrue(rows.contains("\tSIP/2.0 200 OK\ts4@gateway.sipc.local\t192.0.2.1"), legacy);
        String original = ExternalTools.output(TIMEOUT, tshark, "-r", pcap.toString(), "-Y",
                "sip contains \"X-Fetion-Original: SUB fetion.com.cn SIP-C/4.0\"", "-T", "fields",
                "-e", "frame.number");
        assertEquals(1, original.lines().count(), "the original compact start line rides along");

        byte[] captured = Files.readAllBytes(pcap);
        String text = new String(captured, StandardCharsets.ISO_8859_1);
        Pairs.SECRETS.forEach(secret -> assertFalse(text.contains(secret), "secret reached sngrep: " + secret));
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until 127.0.0.1:port is bound (Linux {@code /proc/net/udp}), or fails with sngrep's output. */
    private static void awaitListening(Process process, int port, Path log) throws Exception {
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("sngrep exited " + process.exitValue() + ": " + Files.readString(log));
            }
            if (Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(l -> l.contains(local))) {
                return;
            }
            Thread.sleep(20);
        }
        fail("sngrep did not bind udp:127.0.0.1:" + port + ": " + Files.readString(log));
    }

    private static void awaitPackets(String tshark, Path pcap, int expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long count = -1;
        while (System.nanoTime() < deadline) {
            if (Files.exists(pcap) && Files.size(pcap) > 24) {
                count = ExternalTools.run(TIMEOUT, List.of(tshark, "-r", pcap.toString())).stdout().lines().count();
                if (count >= expected) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        fail("sngrep saved " + count + " of " + expected + " packets to " + pcap);
    }
}
