package io.sipcgateway.gateway.inspect.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sipcgateway.gateway.inspect.Pairs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
    /** One sample line of the text format 0.0.4: name, optional labels, value, optional timestamp. */
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)"
            + "(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*\\})?"
            + " ([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))( -?[0-9]+)?");
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");

    /** Parses a scrape strictly: every line is a HELP, a TYPE or a sample of a declared family. */
    static Map<String, Double> parse(String text) {
        Map<String, String> types = new HashMap<>();
        Map<String, Double> samples = new HashMap<>();
        assertTrue(text.endsWith("\n"), "the exposition ends with a line feed");
        for (String line : text.split("\n")) {
            Matcher m;
            if ((m = TYPE.matcher(line)).matches()) {
                assertEquals(null, types.put(m.group(1), m.group(2)), "one TYPE per family: " + line);
            } else if (HELP.matcher(line).matches()) {
                continue;
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                String family = types.containsKey(name) ? name : name.replaceAll("_(total|bucket|sum|count)$", "");
                assertTrue(types.containsKey(family), "sample of an undeclared family: " + line);
                String key = name + (m.group(2) == null ? "" : m.group(2));
                assertEquals(null, samples.put(key, Double.valueOf(m.group(3).replace("Inf", "Infinity"))), line);
            } else {
                fail("not Prometheus text format 0.0.4: '" + line + "'");
            }
        }
        return samples;
    }

    @Test
    void scrapeIsPrometheusTextAndCountsEqualTheEventsFed() {
        GatewayMetrics metrics = GatewayMetrics.create();
        Pairs.all().forEach(metrics::onTranslation);
        for (long id = 0; id < 3; id++) {
            metrics.onTranslation(Pairs.plain(id));
        }
        Map<String, Double> s = parse(metrics.scrape());
        double total = s.entrySet().stream().filter(e -> e.getKey().startsWith("sipc_gateway_messages_total{"))
                .mapToDouble(Map.Entry::getValue).sum();
        assertEquals(Pairs.all().size() + 3, total);
        for (String method : List.of("REGISTER", "MESSAGE", "SUBSCRIBE")) {
            for (String direction : List.of("legacy_to_core", "core_to_legacy")) {
                assertEquals(1.0, s.get("sipc_gateway_messages_total{direction=\"" + direction + "\",method=\""
                        + method + "\",outcome=\"success\"}"), method + " " + direction);
            }
        }
        assertEquals(3.0, s.get("sipc_gateway_messages_total{direction=\"local\",method=\"REGISTER\","
                + "outcome=\"one_way\"}"));
        String latency = "sipc_gateway_translation_latency_seconds";
        assertEquals(3.0, s.get(latency + "_count{direction=\"legacy_to_core\"}"), "1.8, 2.5 and 3.1 ms");
        assertEquals(0.0074, s.get(latency + "_sum{direction=\"legacy_to_core\"}"), 1e-9);
        assertEquals(0.0, s.get(latency + "_bucket{direction=\"legacy_to_core\",le=\"0.001\"}"));
        assertEquals(2.0, s.get(latency + "_bucket{direction=\"legacy_to_core\",le=\"0.0025\"}"));
        assertEquals(3.0, s.get(latency + "_bucket{direction=\"legacy_to_core\",le=\"+Inf\"}"));
    }

    @Test
    void gaugesFollowDeltasAndSuppliers() {
        GatewayMetrics metrics = GatewayMetrics.create();
        metrics.connections(3);
        metrics.connections(-1);
        metrics.signedIn(1);
        metrics.registrations(() -> 5);
        metrics.subscriptions(() -> 12);
        metrics.cacheSize("dialogs", () -> 7);
        metrics.cacheSize("nonces", () -> 2);
        metrics.registerGauge("sipc_gateway_core_reachable", "1 if the core answered the last OPTIONS", () -> 1);
        metrics.inspectionDropped();
        Map<String, Double> s = parse(metrics.scrape());
        assertEquals(2.0, s.get("sipc_gateway_connections"));
        assertEquals(1.0, s.get("sipc_gateway_signed_in_users"));
        assertEquals(5.0, s.get("sipc_gateway_registrations"));
        assertEquals(12.0, s.get("sipc_gateway_subscriptions"));
        assertEquals(7.0, s.get("sipc_gateway_cache_entries{cache=\"dialogs\"}"));
        assertEquals(2.0, s.get("sipc_gateway_cache_entries{cache=\"nonces\"}"));
        assertEquals(1.0, s.get("sipc_gateway_core_reachable"));
        assertEquals(1.0, s.get("sipc_gateway_inspection_dropped_total"));
        assertEquals("text/plain; version=0.0.4; charset=utf-8", GatewayMetrics.CONTENT_TYPE);
    }

    @Test
    void unknownMethodsShareOneLabelAndBadGaugeNamesAreRejected() {
        GatewayMetrics metrics = GatewayMetrics.create();
        metrics.onTranslation(Pairs.event(1, Pairs.plain(1).direction(), "ZZ fetion.com.cn SIP-C/4.0\r\n\r\n",
                List.of(), Pairs.plain(1).correlation(), Pairs.plain(1).outcome()));
        assertTrue(metrics.scrape().contains("method=\"OTHER\""), metrics.scrape());
        assertThrows(IllegalArgumentException.class, () -> metrics.registerGauge("bad name", "x", () -> 0));
    }
}
