package io.sipcgateway.gateway.inspect.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.TranslationEvent.Correlation;
import io.sipcgateway.gateway.inspect.TranslationEvent.Outcome;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The JSON the admin listener writes. A {@link TranslationEvent} becomes the object the page and {@code inspect}
 * read: every field of the record ({@code Optional} as the value or {@code null}, the time as ISO-8601) plus a
 * {@code summary} of derived short forms ({@link PairSummary}). Written with Jackson's streaming generator, so no
 * {@code Optional}/{@code Instant} module is needed; the generator escapes every string, control characters too.
 */
final class AdminJson {
    private static final JsonFactory JSON = new JsonFactory();

    private AdminJson() {
    }

    static String of(TranslationEvent event) {
        return write(g -> object(g, event));
    }

    static String ofList(List<TranslationEvent> events) {
        return write(g -> {
            g.writeStartArray();
            for (TranslationEvent event : events) {
                object(g, event);
            }
            g.writeEndArray();
        });
    }

    /** {@code {"status":"UP|DOWN","checks":[{"name":..,"up":..,"detail":..}]}}. */
    static String of(HealthReport report) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("status", report.healthy() ? "UP" : "DOWN");
            g.writeArrayFieldStart("checks");
            for (HealthReport.Check check : report.checks()) {
                g.writeStartObject();
                g.writeStringField("name", check.name());
                g.writeBooleanField("up", check.up());
                g.writeStringField("detail", check.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Writes one JSON value with the generator, to a string. */
    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /** What {@link #write} writes. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static void object(JsonGenerator g, TranslationEvent e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", e.id());
        g.writeStringField("time", e.time().toString());
        g.writeNumberField("timeMillis", e.time().toEpochMilli());
        g.writeStringField("connection", e.connection());
        g.writeStringField("legacyPeer", e.legacyPeer());
        g.writeStringField("gatewayLegacy", e.gatewayLegacy());
        g.writeStringField("corePeer", e.corePeer());
        g.writeStringField("gatewayCore", e.gatewayCore());
        optional(g, "user", e.user());
        g.writeStringField("direction", e.direction().name());
        g.writeStringField("sipc", e.sipc());
        strings(g, "sip", e.sip());
        correlation(g, e.correlation());
        outcome(g, e.outcome());
        g.writeObjectFieldStart("summary");
        g.writeStringField("sipcStartLine", PairSummary.startLine(e.sipc()));
        strings(g, "sipStartLines", PairSummary.sipStartLines(e));
        g.writeStringField("sipcMethod", PairSummary.sipcMethod(e));
        strings(g, "sipMethods", PairSummary.sipMethods(e));
        g.writeStringField("status", PairSummary.status(e));
        optional(g, "legacyStatus", PairSummary.legacyStatus(e));
        optional(g, "sipStatus", PairSummary.sipStatus(e));
        g.writeStringField("latency", PairSummary.latency(e));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void correlation(JsonGenerator g, Correlation c) throws IOException {
        g.writeObjectFieldStart("correlation");
        g.writeStringField("key", c.key());
        optional(g, "legacyCallId", c.legacyCallId());
        optional(g, "legacyCseq", c.legacyCseq());
        strings(g, "sipCallIds", c.sipCallIds());
        strings(g, "sipCseqs", c.sipCseqs());
        strings(g, "sipBranches", c.sipBranches());
        g.writeEndObject();
    }

    private static void outcome(JsonGenerator g, Outcome o) throws IOException {
        g.writeObjectFieldStart("outcome");
        g.writeStringField("kind", o.kind().name());
        optionalNumber(g, "legacyStatus", o.legacyStatus().map(Integer::longValue));
        optionalNumber(g, "sipStatus", o.sipStatus().map(Integer::longValue));
        optionalNumber(g, "latencyMicros", o.latencyMicros());
        optional(g, "reason", o.reason());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        } else {
            g.writeNullField(name);
        }
    }

    private static void optionalNumber(JsonGenerator g, String name, Optional<Long> value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(name, value.get());
        } else {
            g.writeNullField(name);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
