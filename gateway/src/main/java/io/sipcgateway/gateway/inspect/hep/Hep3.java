package io.sipcgateway.gateway.inspect.hep;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * HEP3 (EEP) encoding, after the sipcapture HEP specification: {@code "HEP3"}, a u16 total length (header included),
 * then chunks. Chunks are written in the order of the "generic" block that capture agents use (family, protocol, ports,
 * timestamps, protocol type, agent id, then addresses, payload, correlation id), because old receivers such as sngrep
 * before 1.4.7 read that block at fixed offsets; newer ones (sngrep 1.6, Homer's heplify-server) walk the chunks.
 */
public final class Hep3 {
    /** The largest UDP payload over IPv4 (RFC 768, RFC 791); the HEP length field would allow 65535. */
    public static final int MAX_PACKET = 65_507;
    private static final byte[] MAGIC = "HEP3".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 6;
    private static final int CHUNK_HEADER = 6;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private Hep3() {
    }

    /** One chunk as found on the wire. */
    public record Chunk(int vendor, int type, byte[] value) {
        public Chunk {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** Bytes of a packet besides its payload: what {@link #MAX_PACKET} leaves for the payload is the difference. */
    public static int overhead(boolean ipv4, int correlationBytes) {
        int addresses = 2 * (CHUNK_HEADER + (ipv4 ? 4 : 16));
        int fixed = HEADER + 3 * (CHUNK_HEADER + 1) + 2 * (CHUNK_HEADER + 2) + 3 * (CHUNK_HEADER + 4);
        int correlation = correlationBytes > 0 ? CHUNK_HEADER + correlationBytes : 0;
        return fixed + addresses + CHUNK_HEADER + correlation;
    }

    /** @throws IllegalArgumentException if the packet would exceed {@link #MAX_PACKET} */
    public static byte[] encode(HepPacket p) {
        int correlation = p.correlationId().map(c -> c.getBytes(StandardCharsets.UTF_8).length).orElse(0);
        ByteBuffer out = ByteBuffer.allocate(Math.min(MAX_PACKET, overhead(p.isIpv4(), correlation)
                + p.payloadLength()));
        encode(p, out);
        return out.array();
    }

    /**
     * Writes the packet at {@code out}'s position (the HEP sink reuses one buffer of {@link #MAX_PACKET} bytes).
     *
     * @throws IllegalArgumentException if the packet would exceed {@link #MAX_PACKET}
     */
    public static void encode(HepPacket p, ByteBuffer out) {
        byte[] correlation = p.correlationId().map(c -> c.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        int payloadLength = p.payloadLength();
        int total = overhead(p.isIpv4(), correlation.length) + payloadLength;
        if (total > MAX_PACKET) {
            throw new IllegalArgumentException("HEP packet of " + total + " bytes exceeds " + MAX_PACKET);
        }
        out.put(MAGIC).putShort((short) total);
        chunk(out, HepChunkType.IP_FAMILY, 1).put((byte) (p.isIpv4() ? AF_INET : AF_INET6));
        chunk(out, HepChunkType.IP_PROTOCOL, 1).put((byte) p.ipProtocol());
        chunk(out, HepChunkType.SOURCE_PORT, 2).putShort((short) p.sourcePort());
        chunk(out, HepChunkType.DESTINATION_PORT, 2).putShort((short) p.destinationPort());
        chunk(out, HepChunkType.TIMESTAMP_SECONDS, 4).putInt((int) p.timeSeconds());
        chunk(out, HepChunkType.TIMESTAMP_MICROS, 4).putInt(p.timeMicros());
        chunk(out, HepChunkType.PROTOCOL_TYPE, 1).put((byte) p.protocolType());
        chunk(out, HepChunkType.CAPTURE_AGENT_ID, 4).putInt((int) p.captureId());
        byte[] src = p.source().getAddress();
        byte[] dst = p.destination().getAddress();
        chunk(out, p.isIpv4() ? HepChunkType.IPV4_SOURCE : HepChunkType.IPV6_SOURCE, src.length).put(src);
        chunk(out, p.isIpv4() ? HepChunkType.IPV4_DESTINATION : HepChunkType.IPV6_DESTINATION, dst.length).put(dst);
        p.putPayload(chunk(out, HepChunkType.PAYLOAD, payloadLength));
        if (correlation.length > 0) {
            chunk(out, HepChunkType.CORRELATION_ID, correlation.length).put(correlation);
        }
    }

    /**
     * The chunks of a packet, in order, vendor chunks included.
     *
     * @throws IllegalArgumentException if the magic, the total length or a chunk length is wrong
     */
    public static List<Chunk> chunks(byte[] packet) {
        ByteBuffer in = ByteBuffer.wrap(packet);
        byte[] magic = new byte[4];
        try {
            in.get(magic);
            int total = Short.toUnsignedInt(in.getShort());
            if (!Arrays.equals(magic, MAGIC) || total != packet.length) {
                throw new IllegalArgumentException("not a HEP3 packet of " + packet.length + " bytes");
            }
            List<Chunk> chunks = new ArrayList<>();
            while (in.hasRemaining()) {
                int at = in.position();
                int vendor = Short.toUnsignedInt(in.getShort());
                int type = Short.toUnsignedInt(in.getShort());
                int length = Short.toUnsignedInt(in.getShort());
                if (length < CHUNK_HEADER || at + length > packet.length) {
                    throw new IllegalArgumentException("bad chunk length " + length + " at offset " + at);
                }
                byte[] value = new byte[length - CHUNK_HEADER];
                in.get(value);
                chunks.add(new Chunk(vendor, type, value));
            }
            return chunks;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated HEP3 packet", e);
        }
    }

    /** Decodes the generic chunks the gateway writes; other vendors' and unknown chunks are skipped. */
    public static HepPacket decode(byte[] packet) {
        InetAddress src = null;
        InetAddress dst = null;
        int srcPort = -1;
        int dstPort = -1;
        int protocol = -1;
        long seconds = 0;
        int micros = 0;
        int type = 0;
        long agent = 0;
        byte[] payload = null;
        String correlation = null;
        for (Chunk c : chunks(packet)) {
            HepChunkType t = c.vendor() == 0 ? HepChunkType.forCode(c.type()) : null;
            if (t == null) {
                continue;
            }
            ByteBuffer v = ByteBuffer.wrap(c.value());
            switch (t) {
                case IP_FAMILY -> v.get();
                case IP_PROTOCOL -> protocol = Byte.toUnsignedInt(v.get());
                case IPV4_SOURCE, IPV6_SOURCE -> src = address(c.value());
                case IPV4_DESTINATION, IPV6_DESTINATION -> dst = address(c.value());
                case SOURCE_PORT -> srcPort = Short.toUnsignedInt(v.getShort());
                case DESTINATION_PORT -> dstPort = Short.toUnsignedInt(v.getShort());
                case TIMESTAMP_SECONDS -> seconds = Integer.toUnsignedLong(v.getInt());
                case TIMESTAMP_MICROS -> micros = v.getInt();
                case PROTOCOL_TYPE -> type = Byte.toUnsignedInt(v.get());
                case CAPTURE_AGENT_ID -> agent = Integer.toUnsignedLong(v.getInt());
                case PAYLOAD -> payload = c.value();
                case CORRELATION_ID -> correlation = new String(c.value(), StandardCharsets.UTF_8);
                default -> throw new IllegalStateException("unhandled chunk " + t);
            }
        }
        if (src == null || dst == null || srcPort < 0 || dstPort < 0 || protocol < 0 || payload == null) {
            throw new IllegalArgumentException("HEP3 packet lacks addresses, ports, protocol or payload");
        }
        return new HepPacket(src, dst, srcPort, dstPort, protocol, seconds, micros, type, agent, payload,
                Optional.ofNullable(correlation));
    }

    private static ByteBuffer chunk(ByteBuffer out, HepChunkType type, int valueLength) {
        return out.putShort((short) 0).putShort((short) type.code()).putShort((short) (CHUNK_HEADER + valueLength));
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + bytes.length, e);
        }
    }
}
