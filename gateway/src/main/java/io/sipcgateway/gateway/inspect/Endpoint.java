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
        if (port < 0 || port > 65535) {
            return UNKNOWN;
        }
        byte[] quad = bracketed ? null : canonicalDottedQuad(host);
        if (quad != null) {
            // The common case, without a regular expression: the wire sinks parse four addresses per event.
            return new Endpoint(v4(quad), port);
        }
        if (!(IPV4.matcher(host).matches() || bracketed && host.indexOf(':') >= 0)) {
            return UNKNOWN;
        }
        try {
            // A literal: getByName parses it and does no lookup.
            return new Endpoint(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }

    /**
     * The bytes of {@code a.b.c.d} with parts 0 to 255 written without leading zeros, else null (the caller then takes
     * the general path, which also decides what {@link InetAddress#getByName} makes of leading zeros).
     */
    private static byte[] canonicalDottedQuad(String host) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= host.length(); i++) {
            char c = i < host.length() ? host.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return null;
                }
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 4) {
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
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
