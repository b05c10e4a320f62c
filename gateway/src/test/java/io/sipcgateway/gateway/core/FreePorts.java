package io.sipcgateway.gateway.core;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipStack;
import javax.sip.TransportNotSupportedException;

/** Listening points on free ports for test UAs: jain-sip rejects port 0 ("bad port"). */
final class FreePorts {
    private FreePorts() {
    }

    /**
     * Asks the OS for a free ephemeral port and binds {@code transport} there; another process may take it in
     * between, hence a few attempts.
     */
    static ListeningPoint listen(SipStack stack, String host, String transport) throws InvalidArgumentException {
        for (int attempt = 1; ; attempt++) {
            int port = probe(host, transport);
            try {
                return stack.createListeningPoint(host, port, transport);
            } catch (TransportNotSupportedException e) {
                throw new IllegalStateException("jain-sip without " + transport, e);
            } catch (InvalidArgumentException taken) {
                if (attempt == 3) {
                    throw taken;
                }
            }
        }
    }

    private static int probe(String host, String transport) {
        if (ListeningPoint.UDP.equalsIgnoreCase(transport)) {
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(host, 0))) {
                return probe.getLocalPort();
            } catch (SocketException e) {
                throw new IllegalStateException("cannot bind UDP on " + host, e);
            }
        }
        try (ServerSocket probe = new ServerSocket(0, 1, new InetSocketAddress(host, 0).getAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind TCP on " + host, e);
        }
    }
}
