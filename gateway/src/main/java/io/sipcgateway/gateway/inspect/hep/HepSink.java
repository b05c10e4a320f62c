package io.sipcgateway.gateway.inspect.hep;

import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.inspect.InspectionSink;
import io.sipcgateway.gateway.inspect.LegacyAsSip;
import io.sipcgateway.gateway.inspect.Leg;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.WireText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --hep HOST:PORT}: sends both legs of every event as HEP3 over UDP to sngrep ({@code sngrep -L udp:HOST:PORT})
 * or Homer. The core leg goes as recorded (SIP over UDP); the legacy leg goes rendered as SIP ({@link LegacyAsSip}),
 * marked as TCP. Both carry the event's correlation key in chunk 0x0011 and share one Call-ID, so Homer and sngrep put
 * them in one flow. A message too large for one datagram is truncated; send failures are logged, not retried.
 */
public final class HepSink implements InspectionSink {
    /** Chunk 0x000c when none is configured. */
    public static final long DEFAULT_CAPTURE_ID = 2001;

    private static final Logger LOG = LoggerFactory.getLogger(HepSink.class);

    private final DatagramChannel channel;
    private final InetSocketAddress collector;
    private final long captureId;
    /** One datagram, reused: the sink runs on the recorder thread only. Direct, so a send copies nothing more. */
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(Hep3.MAX_PACKET);
    private long failures;

    private HepSink(DatagramChannel channel, InetSocketAddress collector, long captureId) {
        this.channel = channel;
        this.collector = collector;
        this.captureId = captureId;
    }

    /**
     * Resolves the collector once, now, and opens one UDP channel for all sends. The channel is not connected: a
     * connected one would fail the send after an ICMP port unreachable, losing a packet each time the collector is
     * down or restarting.
     *
     * @throws IllegalArgumentException if {@code hostPort} is malformed or does not resolve
     */
    public static HepSink open(String hostPort, long captureId) throws IOException {
        InetSocketAddress collector = HostAndPort.parse(hostPort).toSocketAddress();
        if (collector.isUnresolved()) {
            throw new IllegalArgumentException("HEP collector does not resolve: " + hostPort);
        }
        return new HepSink(DatagramChannel.open(), collector, captureId);
    }

    /** The packets for one event, in wire order, the n-th stamped {@code time + n µs} to keep that order. */
    public static List<HepPacket> packets(TranslationEvent event, long captureId) {
        List<Leg> legs = Leg.of(event);
        String callId = Leg.sharedCallId(event);
        Optional<String> correlation = Optional.of(event.correlation().key()).filter(k -> !k.isEmpty());
        int correlationBytes = correlation.map(k -> k.getBytes(StandardCharsets.UTF_8).length).orElse(0);
        List<HepPacket> packets = new ArrayList<>(legs.size());
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i).withOneFamily();
            boolean legacy = leg.side() == Leg.Side.LEGACY;
            String text = legacy
                    ? LegacyAsSip.render(leg.text(), callId, leg.isRequest() ? leg.from() : leg.to())
                    : WireText.fixContentLength(leg.text());
            byte[] payload = WireText.bytes(text);
            int room = Hep3.MAX_PACKET - Hep3.overhead(leg.from().isIpv4(), correlationBytes);
            if (payload.length > room) {
                LOG.debug("HEP payload of event {} truncated from {} to {} bytes", event.id(), payload.length, room);
                payload = Arrays.copyOf(payload, room);
            }
            Instant at = event.time().plusNanos(1000L * i);
            packets.add(new HepPacket(leg.from().address(), leg.to().address(), leg.from().port(), leg.to().port(),
                    legacy ? HepPacket.TCP : HepPacket.UDP, at.getEpochSecond(), at.getNano() / 1000, HepPacket.SIP,
                    captureId, payload, correlation));
        }
        return packets;
    }

    @Override
    public void accept(TranslationEvent event) {
        for (HepPacket packet : packets(event, captureId)) {
            datagram.clear();
            Hep3.encode(packet, datagram);
            datagram.flip();
            try {
                channel.send(datagram, collector);
            } catch (IOException e) {
                if (failures++ == 0) {
                    LOG.warn("HEP send to {} failed (further failures at debug level)", collector, e);
                } else {
                    LOG.debug("HEP send to {} failed ({} failures)", collector, failures, e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "hep(udp:" + collector.getAddress().getHostAddress() + ":" + collector.getPort() + ")";
    }
}
