package io.sipcgateway.gateway.inspect.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.json.EventJson;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON the admin listener writes. An event is {@link EventJson}'s object (the JSON Lines log's, so one shape
 * everywhere) plus a {@code summary} of derived short forms ({@link PairSummary}) that the page and {@code inspect}
 * show. Jackson writes compact JSON with every string escaped: one line, as an SSE {@code data:} field must be.
 */
final class AdminJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminJson() {
    }

    static String of(TranslationEvent event) {
        return write(tree(event));
    }

    static String ofList(List<TranslationEvent> events) {
        ArrayNode array = MAPPER.createArrayNode();
        events.forEach(event -> array.add(tree(event)));
        return write(array);
    }

    /** {@code {"status":"UP|DOWN","checks":[{"name":..,"up":..,"detail":..}]}}. */
    static String of(HealthReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("status", report.healthy() ? "UP" : "DOWN");
        ArrayNode checks = root.putArray("checks");
        for (HealthReport.Check check : report.checks()) {
            checks.addObject().put("name", check.name()).put("up", check.up()).put("detail", check.detail());
        }
        return write(root);
    }

    private static ObjectNode tree(TranslationEvent event) {
        ObjectNode root = EventJson.toTree(event);
        ObjectNode summary = root.putObject("summary");
        summary.put("response", PairSummary.isResponse(event));
        summary.put("sipcStartLine", PairSummary.startLine(event.sipc()));
        PairSummary.sipStartLines(event).forEach(summary.putArray("sipStartLines")::add);
        summary.put("sipcMethod", PairSummary.sipcMethod(event));
        PairSummary.sipMethods(event).forEach(summary.putArray("sipMethods")::add);
        summary.put("status", PairSummary.status(event));
        summary.put("legacyStatus", PairSummary.legacyStatus(event).orElse(null));
        summary.put("sipStatus", PairSummary.sipStatus(event).orElse(null));
        summary.put("latency", PairSummary.latency(event));
        return root;
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serializes", e);
        }
    }
}
