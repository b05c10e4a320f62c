package io.sipcgateway.gateway.inspect.hep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.inspect.Pairs;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HepSinkTest {

    private static String payload(HepPacket p) {
        return new String(p.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void bothLegsShareTheCorrelationIdAndTheCallId() throws Exception {
        TranslationEvent sub = Pairs.presence().get(0);
        List<HepPacket> packets = HepSink.packets(sub, 7);
        assertEquals(3, packets.size(), "the SUB and its two fanned-out SUBSCRIBEs");
        packets.forEach(p -> assertEquals(Optional.of("c1:3"), p.correlationId()));
        packets.forEach(p -> assertEquals(7, p.captureId()));
        HepPacket legacy = packets.get(0);
        assertEquals(HepPacket.TCP, legacy.ipProtocol());
        assertEquals(InetAddress.getByName("192.0.2.10"), legacy.source());
        assertEquals(8080, legacy.destinationPort());
        assertTrue(payload(legacy).startsWith("SUBSCRIBE sip:fetion.com.cn SIP/2.0\r\n"), payload(legacy));
        assertTrue(payload(legacy).contains("\r\nCall-ID: s4@gateway.sipc.local\r\n"));
        assertTrue(payload(legacy).contains("\r\nX-Fetion-Original: SUB fetion.com.cn SIP-C/4.0\r\n"));
        HepPacket core = packets.get(1);
        assertEquals(HepPacket.UDP, core.ipProtocol());
        assertEquals(InetAddress.getByName("198.51.100.5"), core.destination());
        assertTrue(payload(core).contains("\r\nCall-ID: s4@gateway.sipc.local\r\n"));
        assertTrue(core.timeMicros() > legacy.timeMicros(), "wire order is kept in the timestamps");
    }

    @Test
    void aCoreToLegacyPairStartsWithTheCoreLeg() {
        List<HepPacket> packets = HepSink.packets(Pairs.message().get(1), 1);
        assertEquals(HepPacket.UDP, packets.get(0).ipProtocol());
        assertEquals(5060, packets.get(0).sourcePort());
        assertEquals(HepPacket.TCP, packets.get(1).ipProtocol());
        assertEquals(40001, packets.get(1).destinationPort());
        assertTrue(payload(packets.get(1)).startsWith("SIP/2.0 200 OK\r\n"));
    }

    @Test
    void sendsEveryLegAsOneDatagram() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(5000);
            try (HepSink sink = HepSink.open("127.0.0.1:" + collector.getLocalPort(), 2001)) {
                Pairs.message().forEach(sink::accept);
            }
            List<HepPacket> received = new ArrayList<>();
            byte[] buffer = new byte[65_535];
            for (int i = 0; i < 4; i++) {
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                collector.receive(datagram);
                received.add(Hep3.decode(Arrays.copyOf(datagram.getData(), datagram.getLength())));
            }
            List<HepPacket> expected = new ArrayList<>();
            Pairs.message().forEach(e -> expected.addAll(HepSink.packets(e, 2001)));
            assertEquals(expected, received);
        }
    }
}
