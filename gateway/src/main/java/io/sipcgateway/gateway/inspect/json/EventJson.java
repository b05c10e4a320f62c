package io.sipcgateway.gateway.inspect.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.TranslationEvent.Correlation;
import io.sipcgateway.gateway.inspect.TranslationEvent.Direction;
import io.sipcgateway.gateway.inspect.TranslationEvent.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON form of a {@link TranslationEvent}, one object per event, field names as the record's; used by the JSON
 * Lines log and the live stream. An empty {@code Optional} is {@code null}, {@code time} is ISO-8601 UTC, enums are
 * their names. {@link #parse} reads it back (the {@code inspect} command, tests).
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    /** One line of JSON, no line end. */
    public static String toLine(TranslationEvent event) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            write(event, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Appends one line of JSON and a line feed to {@code out} (UTF-8), leaving {@code out} open. */
    public static void writeLine(TranslationEvent event, OutputStream out) throws IOException {
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(event, generator);
        }
        out.write('\n');
    }

    /**
     * Writes the event's object to {@code out}, field by field: the one list of fields, which the JSON Lines sink
     * streams into its file buffer without building a tree (a third of the recorder's JSON time).
     */
    public static void write(TranslationEvent e, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", e.id());
        out.writeStringField("time", e.time().toString());
        out.writeStringField("connection", e.connection());
        out.writeStringField("legacyPeer", e.legacyPeer());
        out.writeStringField("gatewayLegacy", e.gatewayLegacy());
        out.writeStringField("corePeer", e.corePeer());
        out.writeStringField("gatewayCore", e.gatewayCore());
        out.writeStringField("user", e.user().orElse(null));
        out.writeStringField("direction", e.direction().name());
        out.writeStringField("sipc", e.sipc());
        strings(out, "sip", e.sip());
        Correlation c = e.correlation();
        out.writeObjectFieldStart("correlation");
        out.writeStringField("key", c.key());
        out.writeStringField("legacyCallId", c.legacyCallId().orElse(null));
        out.writeStringField("legacyCseq", c.legacyCseq().orElse(null));
        strings(out, "sipCallIds", c.sipCallIds());
        strings(out, "sipCseqs", c.sipCseqs());
        strings(out, "sipBranches", c.sipBranches());
        out.writeEndObject();
        Outcome x = e.outcome();
        out.writeObjectFieldStart("outcome");
        out.writeStringField("kind", x.kind().name());
        number(out, "legacyStatus", x.legacyStatus().map(Integer::longValue));
        number(out, "sipStatus", x.sipStatus().map(Integer::longValue));
        number(out, "latencyMicros", x.latencyMicros());
        out.writeStringField("reason", x.reason().orElse(null));
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void strings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    private static void number(JsonGenerator out, String field, Optional<Long> value) throws IOException {
        if (value.isPresent()) {
            out.writeNumberField(field, value.get());
        } else {
            out.writeNullField(field);
        }
    }

    /** The same object as a tree (the live view adds its fields to it): {@link #write}'s tokens, so one field list. */
    public static ObjectNode toTree(TranslationEvent e) {
        try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
            write(e, tokens);
            return MAPPER.readTree(tokens.asParser());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Reads one line written by {@link #toLine}.
     *
     * @throws IllegalArgumentException if it is not JSON of that shape
     */
    public static TranslationEvent parse(String line) {
        try {
            return fromTree(MAPPER.readTree(line));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not an inspection event: " + e.getMessage(), e);
        }
    }

    private static TranslationEvent fromTree(JsonNode o) {
        JsonNode c = required(o, "correlation");
        JsonNode x = required(o, "outcome");
        Correlation correlation = new Correlation(text(c, "key"), optional(c, "legacyCallId", JsonNode::asText),
                optional(c, "legacyCseq", JsonNode::asText), strings(c, "sipCallIds"), strings(c, "sipCseqs"),
                strings(c, "sipBranches"));
        Outcome outcome = new Outcome(Outcome.Kind.valueOf(text(x, "kind")),
                optional(x, "legacyStatus", JsonNode::asInt), optional(x, "sipStatus", JsonNode::asInt),
                optional(x, "latencyMicros", JsonNode::asLong), optional(x, "reason", JsonNode::asText));
        return new TranslationEvent(required(o, "id").asLong(), Instant.parse(text(o, "time")), text(o, "connection"),
                text(o, "legacyPeer"), text(o, "gatewayLegacy"), text(o, "corePeer"), text(o, "gatewayCore"),
                optional(o, "user", JsonNode::asText), Direction.valueOf(text(o, "direction")), text(o, "sipc"),
                strings(o, "sip"), correlation, outcome);
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return v;
    }

    private static String text(JsonNode o, String field) {
        return required(o, field).asText();
    }

    private static <T> Optional<T> optional(JsonNode o, String field, Function<JsonNode, T> read) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(read.apply(v));
    }

    private static List<String> strings(JsonNode o, String field) {
        List<String> values = new ArrayList<>();
        required(o, field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
