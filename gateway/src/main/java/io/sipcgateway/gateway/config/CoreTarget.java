package io.sipcgateway.gateway.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the RFC core is: the embedded in-process core (the default, so the gateway runs with nothing else
 * installed) or a remote proxy/registrar such as Kamailio, given as {@code sip:HOST:PORT;transport=udp|tcp}.
 */
public sealed interface CoreTarget {

    /** The in-process SIMPLE core, listening on {@code listen} (loopback by default). */
    record Embedded(HostAndPort listen) implements CoreTarget {
        public Embedded {
            Objects.requireNonNull(listen, "listen");
        }

        @Override
        public String toString() {
            return "embedded(" + listen + ")";
        }
    }

    /** A remote core reached over {@code transport}. */
    record Remote(HostAndPort address, Transport transport) implements CoreTarget {
        public Remote {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(transport, "transport");
        }

        public String sipUri() {
            return "sip:" + address + ";transport=" + transport.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return sipUri();
        }
    }

    enum Transport { UDP, TCP }

    /** The default embedded core's address. */
    HostAndPort DEFAULT_EMBEDDED_LISTEN = new HostAndPort("127.0.0.1", 5060);

    /** Parses {@code embedded}, {@code embedded:HOST:PORT} or {@code sip:HOST:PORT[;transport=udp|tcp]}. */
    static CoreTarget parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        if (t.equalsIgnoreCase("embedded")) {
            return new Embedded(DEFAULT_EMBEDDED_LISTEN);
        }
        if (t.regionMatches(true, 0, "embedded:", 0, 9)) {
            return new Embedded(HostAndPort.parse(t.substring(9)));
        }
        if (!t.regionMatches(true, 0, "sip:", 0, 4)) {
            throw new IllegalArgumentException("core must be 'embedded' or sip:HOST:PORT;transport=udp|tcp, got '"
                    + text + "'");
        }
        String rest = t.substring(4);
        Transport transport = Transport.UDP;
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            for (String param : rest.substring(semi + 1).split(";")) {
                String[] kv = param.split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("transport")) {
                    try {
                        transport = Transport.valueOf(kv[1].strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("transport must be udp or tcp, got '" + kv[1] + "'", e);
                    }
                }
            }
            rest = rest.substring(0, semi);
        }
        HostAndPort address = rest.indexOf(':') >= 0 ? HostAndPort.parse(rest) : new HostAndPort(rest, 5060);
        return new Remote(address, transport);
    }
}
