package io.sipcgateway.mapping;

import java.util.Objects;

/** The gateway's core-side address, written in {@code Via} and {@code Contact} (RFC 3261 sections 8.1.1.7, 8.1.1.8). */
public record HostPort(String host, int port) {
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad host:port " + host + ':' + port);
        }
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
