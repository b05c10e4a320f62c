package io.sipcgateway.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One pair as {@code inspect} prints it: {@code 12:00:01.234 916000001 SUB→SUBSCRIBE x2 200 OK 3.1ms}. Reads the
 * {@code summary} the admin listener derives, so the terminal and the web page show the same status and latency.
 */
final class PairLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private PairLine() {
    }

    static String of(JsonNode event, ZoneId zone) {
        JsonNode summary = event.path("summary");
        String time = TIME.format(Instant.parse(event.path("time").asText()).atZone(zone));
        String user = event.path("user").isTextual() ? event.path("user").asText() : "-";
        return time + " " + user + " " + methods(event.path("direction").asText(), summary)
                + (summary.path("response").asBoolean() ? " reply " : " ") + summary.path("status").asText() + " "
                + summary.path("latency").asText();
    }

    /** {@code SUB→SUBSCRIBE x2}, {@code BN←NOTIFY}, or {@code R (local)} when there is no SIP leg. */
    private static String methods(String direction, JsonNode summary) {
        String sipc = summary.path("sipcMethod").asText();
        List<String> sip = new ArrayList<>();
        summary.path("sipMethods").forEach(m -> sip.add(m.asText()));
        if (sip.isEmpty()) {
            return sipc + " (local)";
        }
        List<String> distinct = sip.stream().distinct().toList();
        String sipText = String.join(",", distinct) + (distinct.size() == 1 && sip.size() > 1 ? " x" + sip.size() : "");
        return direction.equals("CORE_TO_LEGACY") ? sipc + "←" + sipText : sipc + "→" + sipText;
    }
}
