package io.sipcgateway.gateway.inspect.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.inspect.ExternalTools;
import io.sipcgateway.gateway.inspect.Pairs;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.WireText;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A pcap of a login, a message and a presence pair, read by the real tshark (Debian package {@code tshark}). */
class PcapTsharkIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path FILE = Path.of("target", "inspect-it", "pairs.pcap");
    private static String tshark;

    @BeforeAll
    static void writePcap() throws Exception {
        tshark = ExternalTools.require("tshark", "tshark").toString();
        Files.createDirectories(FILE.getParent());
        try (PcapSink sink = PcapSink.open(FILE, PcapSink.DEFAULT_MAX_BYTES)) {
            Pairs.all().forEach(sink::accept);
        }
    }

    @Test
    void coreLegIsSipOverUdpAndLegacyLegIsTcpOnTheLegacyPort() throws Exception {
        List<String> frames = ExternalTools.output(TIMEOUT, tshark, "-r", FILE.toString(), "-T", "fields",
                "-e", "frame.protocols", "-e", "tcp.port", "-e", "udp.port").lines().toList();
        long sipMessages = Pairs.all().stream().mapToLong(e -> e.sip().size()).sum();
        List<String> udp = frames.stream().filter(f -> f.contains(":udp")).toList();
        assertEquals(sipMessages, udp.size(), frames.toString());
        udp.forEach(f -> assertTrue(f.contains(":udp:sip") && f.endsWith("5060,5060"), f));
        List<String> tcp = frames.stream().filter(f -> f.contains(":tcp")).toList();
        assertEquals(frames.size(), udp.size() + tcp.size());
        tcp.forEach(f -> assertTrue(f.contains("40001,8080") || f.contains("8080,40001"), f));

        String sip = ExternalTools.output(TIMEOUT, tshark, "-r", FILE.toString(), "-Y", "sip", "-T", "fields",
                "-e", "sip.CSeq", "-e", "sip.Call-ID");
        Map<String, Long> byCseq = sip.lines().collect(Collectors.groupingBy(l -> l.split("\t")[0],
                Collectors.counting()));
        assertEquals(Map.of("2 REGISTER", 2L, "2 MESSAGE", 2L, "2 SUBSCRIBE", 3L), byCseq, sip);
    }

    @Test
    void legacyStreamReassemblesToTheOriginalSipcBytes() throws Exception {
        String follow = ExternalTools.output(TIMEOUT, tshark, "-r", FILE.toString(), "-qz", "follow,tcp,raw,0");
        ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
        ByteArrayOutputStream toClient = new ByteArrayOutputStream();
        boolean data = false;
        for (String line : follow.lines().toList()) {
            if (line.startsWith("Node 1:")) {
                data = true;
            } else if (data && line.startsWith("=====")) {
                data = false;
            } else if (data && !line.isBlank()) {
                byte[] bytes = HexFormat.of().parseHex(line.strip());
                (line.startsWith("\t") ? toClient : fromClient).writeBytes(bytes);
            }
        }
        assertArrayEquals(legacyBytes(e -> e.direction() == TranslationEvent.Direction.LEGACY_TO_CORE),
                fromClient.toByteArray(), "client to gateway, in order, nothing lost or doubled");
        assertArrayEquals(legacyBytes(e -> e.direction() == TranslationEvent.Direction.CORE_TO_LEGACY),
                toClient.toByteArray(), "gateway to client, the 2.4 kB login answer across two segments");
        String ascii = ExternalTools.output(TIMEOUT, tshark, "-r", FILE.toString(), "-qz", "follow,tcp,ascii,0");
        assertTrue(ascii.contains("SUB fetion.com.cn SIP-C/4.0"), ascii);
    }

    @Test
    void sequenceNumbersAndChecksumsAreWhatWiresharkExpects() throws Exception {
        String flagged = ExternalTools.output(TIMEOUT, tshark, "-r", FILE.toString(), "-Y", "tcp.analysis.flags");
        assertEquals("", flagged, "no lost segments, retransmissions or out-of-order data");
        String statuses = ExternalTools.output(TIMEOUT, tshark, "-r", FILE.toString(),
                "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                "-T", "fields", "-e", "ip.checksum.status", "-e", "tcp.checksum.status", "-e", "udp.checksum.status");
        // 1 = good (Wireshark's PROTO_CHECKSUM_E_GOOD) for the IP header and the transport of every frame.
        List<String> frames = statuses.lines().toList();
        assertTrue(frames.size() > 10, statuses);
        for (String frame : frames) {
            List<String> fields = Arrays.stream(frame.split("\t")).filter(f -> !f.isEmpty()).toList();
            assertEquals(List.of("1", "1"), fields, "IP and TCP/UDP checksums good: " + frame);
        }
        String malformed = ExternalTools.output(TIMEOUT, tshark, "-r", FILE.toString(), "-Y", "_ws.malformed");
        assertEquals("", malformed);
    }

    private static byte[] legacyBytes(Function<TranslationEvent, Boolean> direction) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pairs.all().stream().filter(direction::apply).forEach(e -> out.writeBytes(WireText.bytes(e.sipc())));
        return out.toByteArray();
    }
}
