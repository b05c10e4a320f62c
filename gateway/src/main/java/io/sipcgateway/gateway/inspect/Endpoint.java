package io.sipcgateway.gateway.inspect;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An address of a {@link TranslationEvent} ({@code ip:port} or {@code [v6]:port}) as the wire sinks need it. Only IP
 * literals are accepted, never resolved, so a sink never waits for DNS; anything else becomes {@link #UNKNOWN}.
 */
public record Endpoint(InetAddress address, int port) {
    public static final Endpoint UNKNOWN = new Endpoint(v4(new byte[4]), 0);

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public Endpoint {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code 1.2.3.4:5060} or {@code [::1]:5060}; anything else (a host name, garbage) is {@link #UNKNOWN}. */
    public static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return UNKNOWN;
        }
        String host = text.substring(0, colon);
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        if (bracketed) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
        if (port < 0 || port > 65535 || !(IPV4.matcher(host).matches() || bracketed && host.indexOf(':') >= 0)) {
            return UNKNOWN;
        }
        try {
            // A literal: getByName parses it and does no lookup.
            return new Endpoint(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return isIpv4() ? address.getHostAddress() + ":" + port : "[" + address.getHostAddress() + "]:" + port;
    }
}
