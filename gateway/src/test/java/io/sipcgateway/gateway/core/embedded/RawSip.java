package io.sipcgateway.gateway.core.embedded;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bare UDP socket that writes SIP text (or any bytes) to the core and reads what comes back: for requests no
 * well-behaved UA would build. Lines are joined with CRLF explicitly (STYLE 5.5).
 */
final class RawSip implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress core;

    RawSip(InetSocketAddress core) throws IOException {
        this.core = core;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    }

    /**
     * A request with the usual header set from this socket; {@code extra} lines are added as given, and a header
     * named in {@code omit} is left out.
     */
    String request(String method, String requestUri, String omit, String... extra) {
        StringBuilder text = new StringBuilder()
                .append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
        append(text, omit, "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-raw-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        append(text, omit, "Max-Forwards: 70");
        append(text, omit, "From: <sip:raw@" + CoreHarness.DOMAIN + ">;tag=raw1");
        append(text, omit, "To: <" + requestUri + ">");
        append(text, omit, "Call-ID: raw-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        append(text, omit, "CSeq: 1 " + method);
        append(text, omit, "Contact: <sip:raw@127.0.0.1:" + socket.getLocalPort() + ">");
        for (String line : extra) {
            text.append(line).append("\r\n");
        }
        return text.append("Content-Length: 0\r\n\r\n").toString();
    }

    private static void append(StringBuilder text, String omit, String line) {
        if (omit == null || !line.startsWith(omit + ":")) {
            text.append(line).append("\r\n");
        }
    }

    void send(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, core));
    }

    /** The next datagram that is not a 100 Trying, or null after {@code timeout}. */
    String receive(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[65_535];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (!text.startsWith("SIP/2.0 100 ")) {
                return text;
            }
        }
    }

    String exchange(String request) throws IOException {
        send(request.getBytes(StandardCharsets.UTF_8));
        return receive(Duration.ofSeconds(3));
    }

    @Override
    public void close() {
        socket.close();
    }
}
