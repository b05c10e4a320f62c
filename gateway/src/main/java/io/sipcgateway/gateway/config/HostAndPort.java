package io.sipcgateway.gateway.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/** A listen or target address, {@code host:port} or {@code [v6]:port}; port 0 means "any free port". */
public record HostAndPort(String host, int port) {
    public HostAndPort {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code host:port}, {@code [::1]:port} or {@code :port} (all interfaces). */
    public static HostAndPort parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + text + "'");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            host = "0.0.0.0";
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number in '" + text + "'", e);
        }
        return new HostAndPort(host, port);
    }

    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(host, port);
    }

    public static HostAndPort of(InetSocketAddress address) {
        return new HostAndPort(address.getHostString(), address.getPort());
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
