package io.sipcgateway.gateway.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * What a run measured.
 *
 * @param sessions sessions asked for
 * @param signedIn sessions that signed in
 * @param loginSeconds from the first connection to the last login answer
 * @param login login latency, both round trips, v4 RSA challenge included
 * @param sent messages sent
 * @param answeredOk messages answered 2xx
 * @param delivered messages that reached the receiving session
 * @param sendSeconds from the first message sent to the last answer
 * @param steadyPerSecond answers 2xx per second between the end of the warm-up and the end of the duration: the
 *     rate carried, without the ramp-up and the drain
 * @param answer latency from the intended send time to the final answer (after the warm-up)
 * @param delivery latency from the intended send time to arrival at the receiving session
 * @param peer the traffic with standard SIP users on the core
 * @param errors failures by kind and status, e.g. {@code "M 504"}, {@code "login timeout"}
 */
public record LoadReport(int sessions, int signedIn, double loginSeconds, Percentiles login, long sent,
        long answeredOk, long delivered, double sendSeconds, double steadyPerSecond, Percentiles answer,
        Percentiles delivery, PeerTraffic peer, Map<String, Long> errors) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LoadReport {
        errors = Map.copyOf(errors);
    }

    /**
     * Messages exchanged with standard SIP users on the core.
     *
     * @param uri the SIP peer the sessions wrote to, or empty
     * @param sent messages the sessions sent to it (counted in {@code sent} too)
     * @param answeredOk of those, answered 2xx (counted in {@code answeredOk} too)
     * @param arrived messages from SIP users that reached a session
     */
    public record PeerTraffic(String uri, long sent, long answeredOk, long arrived) {
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public double loginsPerSecond() {
        return loginSeconds > 0 ? signedIn / loginSeconds : 0;
    }

    public double messagesPerSecond() {
        return sendSeconds > 0 ? answeredOk / sendSeconds : 0;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "sessions:   %d/%d signed in in %.2f s (%.0f logins/s)%n", signedIn,
                sessions, loginSeconds, loginsPerSecond()));
        out.append("login:      ").append(login.text()).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "messages:   %d sent, %d answered 2xx, %d delivered in %.2f s "
                + "(%.0f msg/s; steady %.0f msg/s)%n", sent, answeredOk, delivered, sendSeconds, messagesPerSecond(),
                steadyPerSecond));
        out.append("to answer:  ").append(answer.text()).append(System.lineSeparator());
        out.append("to arrival: ").append(delivery.text()).append(System.lineSeparator());
        if (!peer.uri().isEmpty() || peer.arrived() > 0) {
            out.append(String.format(Locale.ROOT, "SIP users:  %d sent to %s, %d answered 2xx; %d arrived from SIP "
                    + "users%n", peer.sent(), peer.uri().isEmpty() ? "-" : peer.uri(), peer.answeredOk(),
                    peer.arrived()));
        }
        out.append("errors:     ").append(errorCount());
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(System.lineSeparator()).append("  ").append(e.getKey()).append(": ")
                        .append(e.getValue()));
        return out.toString();
    }

    /** The report as one JSON object (Jackson does the escaping of error names and URIs). */
    public String json() {
        ObjectNode o = JSON.createObjectNode().put("sessions", sessions).put("signedIn", signedIn)
                .put("loginSeconds", loginSeconds).put("loginsPerSecond", round1(loginsPerSecond()));
        login.json(o.putObject("login"));
        o.put("sent", sent).put("answeredOk", answeredOk).put("delivered", delivered).put("sendSeconds", sendSeconds)
                .put("messagesPerSecond", round1(messagesPerSecond())).put("steadyPerSecond", round1(steadyPerSecond));
        answer.json(o.putObject("answer"));
        delivery.json(o.putObject("delivery"));
        o.putObject("peer").put("uri", peer.uri()).put("sent", peer.sent()).put("answeredOk", peer.answeredOk())
                .put("arrived", peer.arrived());
        o.put("errorCount", errorCount());
        ObjectNode errorsNode = o.putObject("errors");
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> errorsNode.put(e.getKey(), e.getValue()));
        return o.toString();
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
