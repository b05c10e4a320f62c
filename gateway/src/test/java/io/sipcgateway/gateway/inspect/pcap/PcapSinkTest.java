package io.sipcgateway.gateway.inspect.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.inspect.Pairs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapSinkTest {
    @TempDir
    Path dir;

    /** The frames of a pcap file, after checking its global header. */
    static List<byte[]> frames(Path file) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, in.getInt(), "classic pcap magic, microseconds");
        assertEquals(2, in.getShort());
        assertEquals(4, in.getShort());
        in.position(20);
        assertEquals(1, in.getInt(), "link type Ethernet");
        List<byte[]> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            in.position(in.position() + 8);
            int captured = in.getInt();
            assertEquals(captured, in.getInt(), "nothing cut by the snap length");
            byte[] frame = new byte[captured];
            in.get(frame);
            frames.add(frame);
        }
        return frames;
    }

    @Test
    void ipAndTransportLengthsMatchTheFrame() throws Exception {
        Path file = dir.resolve("pairs.pcap");
        try (PcapSink sink = PcapSink.open(file, PcapSink.DEFAULT_MAX_BYTES)) {
            Pairs.all().forEach(sink::accept);
        }
        List<byte[]> frames = frames(file);
        assertEquals(3 + 7 + 7, frames.size(), "handshake, 7 SIP-C segments (the login answer takes two), 7 SIP");
        for (byte[] frame : frames) {
            ByteBuffer f = ByteBuffer.wrap(frame);
            assertEquals(0x0800, f.getShort(12) & 0xffff);
            assertEquals(frame.length - 14, f.getShort(16) & 0xffff, "IPv4 total length");
            if (frame[23] == 17) {
                assertEquals(frame.length - 34, f.getShort(38) & 0xffff, "UDP length");
            } else {
                assertEquals(6, frame[23]);
                assertTrue(frame.length - 54 <= 1440, "TCP segments fit the MSS");
            }
        }
    }

    @Test
    void stopsGrowingAtItsLimit() throws Exception {
        Path file = dir.resolve("small.pcap");
        try (PcapSink sink = PcapSink.open(file, 1000)) {
            Pairs.all().forEach(sink::accept);
        }
        long size = Files.size(file);
        assertTrue(size >= 1000 && size < 1000 + 4 * 1500, "the event that crossed the limit is the last: " + size);
    }
}
