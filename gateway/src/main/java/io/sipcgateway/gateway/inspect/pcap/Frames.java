package io.sipcgateway.gateway.inspect.pcap;

import io.sipcgateway.gateway.inspect.Endpoint;
import java.nio.ByteBuffer;

/**
 * Synthesised Ethernet II frames carrying IPv4 (RFC 791) or IPv6 (RFC 8200) with UDP (RFC 768) or TCP (RFC 9293),
 * lengths and checksums filled in, so Wireshark dissects them as if captured. MAC addresses are locally administered
 * ({@code 02:00:} + the IP address's last four bytes).
 */
final class Frames {
    static final int TCP_SYN = 0x02;
    static final int TCP_PSH = 0x08;
    static final int TCP_ACK = 0x10;
    static final int IPV4_HEADER = 20;
    static final int IPV6_HEADER = 40;
    static final int UDP_HEADER = 8;
    static final int TCP_HEADER = 20;
    private static final int ETHERNET_HEADER = 14;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;

    private Frames() {
    }

    /** The largest payload one IP packet of this family can carry over {@code transportHeader}. */
    static int maxPayload(boolean ipv4, int transportHeader) {
        return ipv4 ? 0xffff - IPV4_HEADER - transportHeader : 0xffff - transportHeader;
    }

    static byte[] udp(Endpoint from, Endpoint to, byte[] payload, int ipId) {
        ByteBuffer segment = ByteBuffer.allocate(UDP_HEADER + payload.length);
        segment.putShort((short) from.port()).putShort((short) to.port()).putShort((short) segment.capacity())
                .putShort((short) 0).put(payload);
        int sum = checksum(from, to, PROTO_UDP, segment.array());
        // RFC 768: a computed zero is sent as all ones.
        segment.putShort(6, (short) (sum == 0 ? 0xffff : sum));
        return frame(from, to, PROTO_UDP, segment.array(), ipId);
    }

    static byte[] tcp(Endpoint from, Endpoint to, long seq, long ack, int flags, byte[] payload, int ipId) {
        ByteBuffer segment = ByteBuffer.allocate(TCP_HEADER + payload.length);
        segment.putShort((short) from.port()).putShort((short) to.port()).putInt((int) seq)
                .putInt((flags & TCP_ACK) != 0 ? (int) ack : 0)
                .put((byte) ((TCP_HEADER / 4) << 4)).put((byte) flags).putShort((short) 0xffff)
                .putShort((short) 0).putShort((short) 0).put(payload);
        segment.putShort(16, (short) checksum(from, to, PROTO_TCP, segment.array()));
        return frame(from, to, PROTO_TCP, segment.array(), ipId);
    }

    private static byte[] frame(Endpoint from, Endpoint to, int protocol, byte[] segment, int ipId) {
        boolean v4 = from.isIpv4();
        ByteBuffer f = ByteBuffer.allocate(ETHERNET_HEADER + (v4 ? IPV4_HEADER : IPV6_HEADER) + segment.length);
        f.put(mac(to)).put(mac(from)).putShort((short) (v4 ? 0x0800 : 0x86dd));
        if (v4) {
            int start = f.position();
            f.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER + segment.length)).putShort((short) ipId)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0)
                    .put(from.address().getAddress()).put(to.address().getAddress());
            f.putShort(start + 10, (short) fold(sum(f.array(), start, IPV4_HEADER, 0)));
        } else {
            f.putInt(0x6000_0000).putShort((short) segment.length).put((byte) protocol).put((byte) 64)
                    .put(from.address().getAddress()).put(to.address().getAddress());
        }
        return f.put(segment).array();
    }

    /** The transport checksum over the pseudo-header (RFC 768, RFC 9293 3.1, RFC 8200 8.1) and the segment. */
    private static int checksum(Endpoint from, Endpoint to, int protocol, byte[] segment) {
        byte[] src = from.address().getAddress();
        byte[] dst = to.address().getAddress();
        long sum = sum(src, 0, src.length, 0);
        sum = sum(dst, 0, dst.length, sum);
        sum += protocol + (segment.length & 0xffff) + (segment.length >>> 16);
        return fold(sum(segment, 0, segment.length, sum));
    }

    /** One's-complement sum of 16-bit words (RFC 1071), odd trailing byte padded with zero. */
    private static long sum(byte[] data, int offset, int length, long sum) {
        int i = offset;
        for (int end = offset + length - 1; i < end; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < offset + length) {
            sum += (data[i] & 0xff) << 8;
        }
        return sum;
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static byte[] mac(Endpoint endpoint) {
        byte[] ip = endpoint.address().getAddress();
        return new byte[] {0x02, 0x00, ip[ip.length - 4], ip[ip.length - 3], ip[ip.length - 2], ip[ip.length - 1]};
    }
}
