package io.sipcgateway.gateway.inspect.pcap;

import io.sipcgateway.gateway.inspect.Endpoint;
import io.sipcgateway.gateway.inspect.InspectionSink;
import io.sipcgateway.gateway.inspect.Leg;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.WireText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --pcap FILE}: both legs of every event as packets Wireshark opens. The legacy leg is the SIP-C text as it
 * crossed (masked, {@code L} fixed to the masked body) on a TCP stream per legacy connection, on the legacy listener's
 * port: the stream opens with a synthesised handshake and its sequence numbers advance per direction, so Wireshark
 * reassembles it ({@code Follow TCP Stream}); messages are cut into MSS-sized segments. The core leg is one UDP
 * datagram per SIP message on the core's port. Bounded: at most {@value #MAX_STREAMS} streams are tracked (least
 * recently used forgotten), and the file stops growing at {@code maxBytes}. Packets are buffered until the recorder
 * flushes ({@link #flush()}).
 */
public final class PcapSink implements InspectionSink {
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    static final int MAX_STREAMS = 4096;
    /** Ethernet MTU 1500 less IP and TCP headers. */
    private static final int MSS = 1500 - Frames.IPV6_HEADER - Frames.TCP_HEADER;

    private static final Logger LOG = LoggerFactory.getLogger(PcapSink.class);

    private final Path path;
    private final PcapWriter writer;
    private final long maxBytes;
    private final Map<String, TcpStream> streams = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TcpStream> eldest) {
            return size() > MAX_STREAMS;
        }
    };
    private Instant last = Instant.EPOCH;
    private int ipId;
    private boolean full;
    private long failures;

    private PcapSink(Path path, PcapWriter writer, long maxBytes) {
        this.path = path;
        this.writer = writer;
        this.maxBytes = maxBytes;
    }

    /** Creates (or truncates) {@code file}. */
    public static PcapSink open(Path file, long maxBytes) throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        return new PcapSink(file, new PcapWriter(file), maxBytes);
    }

    @Override
    public void accept(TranslationEvent event) {
        if (full) {
            return;
        }
        Endpoint client = Endpoint.parse(event.legacyPeer());
        try {
            for (Leg original : Leg.of(event)) {
                Leg leg = original.withOneFamily();
                byte[] payload = WireText.bytes(WireText.fixContentLength(leg.text()));
                if (leg.side() == Leg.Side.CORE) {
                    int room = Frames.maxPayload(leg.from().isIpv4(), Frames.UDP_HEADER);
                    write(event.time(), Frames.udp(leg.from(), leg.to(), truncate(payload, room), nextIpId()));
                } else {
                    boolean fromClient = original.from().equals(client);
                    String key = event.connection() + '|' + event.legacyPeer() + '|' + event.gatewayLegacy();
                    TcpStream stream = streams.get(key);
                    if (stream == null) {
                        stream = fromClient ? new TcpStream(leg.from(), leg.to(), key)
                                : new TcpStream(leg.to(), leg.from(), key);
                        streams.put(key, stream);
                        stream.handshake(event.time());
                    }
                    stream.send(event.time(), fromClient, payload);
                }
            }
            if (writer.size() >= maxBytes) {
                full = true;
                LOG.warn("pcap {} reached {} bytes; no further packets are written", path, maxBytes);
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    /** Writes out the buffered packets; the recorder calls it when idle and every few milliseconds under load. */
    @Override
    public void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            failed(e);
        }
    }

    private void failed(IOException e) {
        if (failures++ == 0) {
            LOG.warn("pcap {} write failed (further failures at debug level)", path, e);
        } else {
            LOG.debug("pcap {} write failed ({} failures)", path, failures, e);
        }
    }

    private void write(Instant time, byte[] frame) throws IOException {
        // Keep the file in time order, one microsecond apart at least, whatever the events' clocks say.
        Instant t = time.isAfter(last) ? time : last.plusNanos(1000);
        last = t;
        writer.record(t, frame);
    }

    private int nextIpId() {
        ipId = (ipId + 1) & 0xffff;
        return ipId;
    }

    private static byte[] truncate(byte[] payload, int room) {
        return payload.length <= room ? payload : Arrays.copyOf(payload, room);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    @Override
    public String toString() {
        return "pcap(" + path + ")";
    }

    /** One legacy TCP connection: the next sequence number of each direction (RFC 9293 3.4). */
    private final class TcpStream {
        private final Endpoint client;
        private final Endpoint server;
        private long clientNext;
        private long serverNext;

        TcpStream(Endpoint client, Endpoint server, String key) {
            this.client = client;
            this.server = server;
            // Deterministic initial sequence numbers: the same events give the same file.
            this.clientNext = key.hashCode() & 0xffff_ffffL;
            this.serverNext = (key.hashCode() * 31L + 0x5eed) & 0xffff_ffffL;
        }

        /** SYN, SYN-ACK, ACK, so that Wireshark sees the stream from its start. */
        void handshake(Instant time) throws IOException {
            write(time, Frames.tcp(client, server, clientNext, 0, Frames.TCP_SYN, new byte[0], nextIpId()));
            clientNext = advance(clientNext, 1);
            write(time, Frames.tcp(server, client, serverNext, clientNext, Frames.TCP_SYN | Frames.TCP_ACK,
                    new byte[0], nextIpId()));
            serverNext = advance(serverNext, 1);
            write(time, Frames.tcp(client, server, clientNext, serverNext, Frames.TCP_ACK, new byte[0], nextIpId()));
        }

        void send(Instant time, boolean fromClient, byte[] data) throws IOException {
            for (int offset = 0; offset < data.length; offset += MSS) {
                byte[] segment = Arrays.copyOfRange(data, offset, Math.min(data.length, offset + MSS));
                int flags = Frames.TCP_ACK | (offset + MSS >= data.length ? Frames.TCP_PSH : 0);
                if (fromClient) {
                    write(time, Frames.tcp(client, server, clientNext, serverNext, flags, segment, nextIpId()));
                    clientNext = advance(clientNext, segment.length);
                } else {
                    write(time, Frames.tcp(server, client, serverNext, clientNext, flags, segment, nextIpId()));
                    serverNext = advance(serverNext, segment.length);
                }
            }
        }

        private long advance(long seq, int by) {
            return (seq + by) & 0xffff_ffffL;
        }
    }
}
