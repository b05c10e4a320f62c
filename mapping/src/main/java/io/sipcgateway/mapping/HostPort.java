package io.sipcgateway.mapping;

import java.util.Objects;

/**
 * The gateway's core-side address and transport, written in {@code Via} and {@code Contact} (RFC 3261 sections
 * 8.1.1.7, 8.1.1.8): the core sends its requests for legacy users there.
 *
 * @param transport {@code TCP} (the default: NOTIFY bodies with RLMI lists outgrow a UDP datagram) or {@code UDP}
 */
public record HostPort(String host, int port, String transport) {
    public static final String DEFAULT_TRANSPORT = "TCP";

    public HostPort {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad host:port " + host + ':' + port);
        }
        if (!transport.equals("TCP") && !transport.equals("UDP")) {
            throw new IllegalArgumentException("transport must be TCP or UDP: " + transport);
        }
    }

    public HostPort(String host, int port) {
        this(host, port, DEFAULT_TRANSPORT);
    }

    /** Parses {@code host:port}. */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port, got " + text);
        }
        return new HostPort(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return host + ':' + port;
    }
}
