package io.sipcgateway.gateway.inspect.hep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Hep3Test {
    private static final byte[] SIP =
            "OPTIONS sip:a SIP/2.0\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.UTF_8);

    private static HepPacket packet(String src, String dst) throws Exception {
        return new HepPacket(InetAddress.getByName(src), InetAddress.getByName(dst), 40001, 5060, HepPacket.UDP,
                1_714_557_600L, 123_456, HepPacket.SIP, 2001, SIP, Optional.of("c1:27"));
    }

    @Test
    void encodesTheGenericChunksChunkByChunk() throws Exception {
        byte[] bytes = Hep3.encode(packet("192.0.2.10", "198.51.100.5"));
        assertArrayEquals("HEP3".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(bytes, 4));
        assertEquals(bytes.length, ByteBuffer.wrap(bytes, 4, 2).getShort() & 0xffff, "total length in the header");
        List<Hep3.Chunk> chunks = Hep3.chunks(bytes);
        int[] types = chunks.stream().mapToInt(Hep3.Chunk::type).toArray();
        // The order of the capture agents' generic block (sngrep/Kamailio hep_generic), then addresses and payload.
        assertArrayEquals(new int[] {0x01, 0x02, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x03, 0x04, 0x0f, 0x11}, types);
        chunks.forEach(c -> assertEquals(0, c.vendor(), "generic chunks are vendor 0x0000"));
        assertArrayEquals(new byte[] {2}, chunks.get(0).value(), "AF_INET");
        assertArrayEquals(new byte[] {17}, chunks.get(1).value(), "UDP");
        assertArrayEquals(new byte[] {(byte) 0x9c, 0x41}, chunks.get(2).value(), "source port 40001");
        assertArrayEquals(new byte[] {0x13, (byte) 0xc4}, chunks.get(3).value(), "destination port 5060");
        assertEquals(1_714_557_600L, ByteBuffer.wrap(chunks.get(4).value()).getInt() & 0xffffffffL);
        assertEquals(123_456, ByteBuffer.wrap(chunks.get(5).value()).getInt());
        assertArrayEquals(new byte[] {1}, chunks.get(6).value(), "protocol type SIP");
        assertEquals(2001, ByteBuffer.wrap(chunks.get(7).value()).getInt());
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 10}, chunks.get(8).value());
        assertArrayEquals(new byte[] {(byte) 198, 51, 100, 5}, chunks.get(9).value());
        assertArrayEquals(SIP, chunks.get(10).value());
        assertEquals("c1:27", new String(chunks.get(11).value(), StandardCharsets.UTF_8));
        assertEquals(bytes.length, Hep3.overhead(true, 5) + SIP.length);
    }

    @Test
    void decodesWhatItEncodesForBothFamilies() throws Exception {
        HepPacket v4 = packet("192.0.2.10", "198.51.100.5");
        assertEquals(v4, Hep3.decode(Hep3.encode(v4)));
        HepPacket v6 = packet("2001:db8::1", "2001:db8::2");
        byte[] bytes = Hep3.encode(v6);
        assertEquals(0x05, Hep3.chunks(bytes).get(8).type());
        assertEquals(16, Hep3.chunks(bytes).get(8).value().length);
        assertEquals(v6, Hep3.decode(bytes));
    }

    @Test
    void skipsVendorChunksAndRejectsBrokenPackets() throws Exception {
        byte[] plain = Hep3.encode(packet("192.0.2.10", "198.51.100.5"));
        ByteBuffer withVendor = ByteBuffer.allocate(plain.length + 8);
        withVendor.put(plain).putShort((short) 0x0003).putShort((short) 0x0020).putShort((short) 8).putShort((short) 7);
        byte[] extended = withVendor.array();
        ByteBuffer.wrap(extended).putShort(4, (short) extended.length);
        assertEquals(Hep3.decode(plain), Hep3.decode(extended));

        assertThrows(IllegalArgumentException.class, () -> Hep3.decode(Arrays.copyOf(plain, plain.length - 1)));
        byte[] badChunk = plain.clone();
        badChunk[6 + 4 + 1] = 2; // first chunk's length below the 6-byte chunk header
        assertThrows(IllegalArgumentException.class, () -> Hep3.chunks(badChunk));
        byte[] notHep = plain.clone();
        notHep[3] = '2';
        assertThrows(IllegalArgumentException.class, () -> Hep3.chunks(notHep));
        HepPacket huge = new HepPacket(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"), 1, 2,
                HepPacket.UDP, 0, 0, HepPacket.SIP, 1, new byte[Hep3.MAX_PACKET], Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> Hep3.encode(huge));
    }
}
