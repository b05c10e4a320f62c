package io.sipcgateway.gateway.inspect.hep;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One HEP3 packet: a captured message and where, when and how it was seen. {@link Hep3} encodes and decodes it.
 *
 * @param source the sender's address; IPv4 and IPv6 must not be mixed with {@code destination}
 * @param ipProtocol IANA protocol number of the captured transport: {@link #TCP} or {@link #UDP}
 * @param timeSeconds seconds since the epoch
 * @param timeMicros microseconds within that second
 * @param protocolType what the payload is: {@link #SIP}
 * @param captureId the capture agent id (chunk 0x000c)
 * @param payload the message bytes
 * @param correlationId chunk 0x0011, if any
 */
public record HepPacket(InetAddress source, InetAddress destination, int sourcePort, int destinationPort,
        int ipProtocol, long timeSeconds, int timeMicros, int protocolType, long captureId, byte[] payload,
        Optional<String> correlationId) {
    public static final int TCP = 6;
    public static final int UDP = 17;
    /** HEP protocol type 1: SIP. */
    public static final int SIP = 1;

    public HepPacket {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if ((source instanceof Inet4Address) != (destination instanceof Inet4Address)) {
            throw new IllegalArgumentException("source and destination must be of one IP family");
        }
        checkRange("sourcePort", sourcePort, 0xffff);
        checkRange("destinationPort", destinationPort, 0xffff);
        checkRange("ipProtocol", ipProtocol, 0xff);
        checkRange("protocolType", protocolType, 0xff);
        checkRange("timeMicros", timeMicros, 999_999);
        if (timeSeconds < 0 || timeSeconds > 0xffff_ffffL || captureId < 0 || captureId > 0xffff_ffffL) {
            throw new IllegalArgumentException("timeSeconds and captureId must fit an unsigned 32-bit field");
        }
        payload = payload.clone();
        Objects.requireNonNull(correlationId, "correlationId");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    int payloadLength() {
        return payload.length;
    }

    /** Copies the payload into {@code out} without the defensive copy of {@link #payload()}. */
    void putPayload(ByteBuffer out) {
        out.put(payload);
    }

    public boolean isIpv4() {
        return source instanceof Inet4Address;
    }

    private static void checkRange(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HepPacket p && source.equals(p.source) && destination.equals(p.destination)
                && sourcePort == p.sourcePort && destinationPort == p.destinationPort && ipProtocol == p.ipProtocol
                && timeSeconds == p.timeSeconds && timeMicros == p.timeMicros && protocolType == p.protocolType
                && captureId == p.captureId && Arrays.equals(payload, p.payload)
                && correlationId.equals(p.correlationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, destination, sourcePort, destinationPort, timeSeconds, timeMicros,
                Arrays.hashCode(payload), correlationId);
    }

    @Override
    public String toString() {
        return "HepPacket[" + source.getHostAddress() + ":" + sourcePort + " -> " + destination.getHostAddress() + ":"
                + destinationPort + ", proto " + ipProtocol + ", " + payload.length + " bytes, correlation "
                + correlationId.orElse("-") + "]";
    }
}
