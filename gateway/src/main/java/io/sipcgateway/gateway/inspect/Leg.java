package io.sipcgateway.gateway.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message of a {@link TranslationEvent} as it crossed one side: who sent it to whom, and its text. The wire sinks
 * (HEP, pcap) and the ladder view draw these.
 *
 * @param side the legacy (SIP-C over TCP) or core (SIP) side
 * @param from the sender
 * @param to the receiver
 * @param text the message as recorded
 */
public record Leg(Side side, Endpoint from, Endpoint to, String text) {

    public enum Side {
        LEGACY,
        CORE
    }

    public Leg {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }

    /** A status line starts with the protocol version ({@code SIP-C/4.0 200 OK}, {@code SIP/2.0 200 OK}). */
    public boolean isRequest() {
        return !text.startsWith("SIP");
    }

    /**
     * This leg with both ends in one IP family, as packet formats need: if they differ, the IPv6 end becomes
     * {@code 0.0.0.0} (its port kept).
     */
    public Leg withOneFamily() {
        if (from.isIpv4() == to.isIpv4()) {
            return this;
        }
        Endpoint f = from.isIpv4() ? from : new Endpoint(Endpoint.UNKNOWN.address(), from.port());
        Endpoint t = to.isIpv4() ? to : new Endpoint(Endpoint.UNKNOWN.address(), to.port());
        return new Leg(side, f, t, text);
    }

    /**
     * The legs in the order they crossed the gateway: the triggering message first. A {@code LOCAL} event has no
     * direction of its own; its SIP-C request came from the client and its response went to it. Empty texts are
     * left out.
     */
    public static List<Leg> of(TranslationEvent event) {
        Endpoint client = Endpoint.parse(event.legacyPeer());
        Endpoint listener = Endpoint.parse(event.gatewayLegacy());
        Endpoint gateway = Endpoint.parse(event.gatewayCore());
        Endpoint core = Endpoint.parse(event.corePeer());
        List<Leg> legs = new ArrayList<>(1 + event.sip().size());
        switch (event.direction()) {
            case LEGACY_TO_CORE -> {
                add(legs, new Leg(Side.LEGACY, client, listener, event.sipc()));
                event.sip().forEach(sip -> add(legs, new Leg(Side.CORE, gateway, core, sip)));
            }
            case CORE_TO_LEGACY -> {
                event.sip().forEach(sip -> add(legs, new Leg(Side.CORE, core, gateway, sip)));
                add(legs, new Leg(Side.LEGACY, listener, client, event.sipc()));
            }
            case LOCAL -> {
                Leg legacy = new Leg(Side.LEGACY, client, listener, event.sipc());
                add(legs, legacy.isRequest() ? legacy : new Leg(Side.LEGACY, listener, client, event.sipc()));
                event.sip().forEach(sip -> add(legs, new Leg(Side.CORE, gateway, core, sip)));
            }
            default -> throw new IllegalStateException("unknown direction " + event.direction());
        }
        return legs;
    }

    /**
     * The Call-ID both legs share on the SIP side, so that sngrep (which groups by Call-ID) shows them as one dialog:
     * the first core Call-ID, else the correlation key.
     */
    public static String sharedCallId(TranslationEvent event) {
        List<String> ids = event.correlation().sipCallIds();
        return ids.isEmpty() ? event.correlation().key() : ids.get(0);
    }

    private static void add(List<Leg> legs, Leg leg) {
        if (!leg.text().isBlank()) {
            legs.add(leg);
        }
    }
}
