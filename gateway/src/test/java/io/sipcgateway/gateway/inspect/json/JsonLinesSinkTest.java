package io.sipcgateway.gateway.inspect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sipcgateway.gateway.inspect.Pairs;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSinkTest {
    @TempDir
    Path dir;

    @Test
    void eachLineParsesBackWithJacksonToTheSameEvent() throws IOException {
        Path file = dir.resolve("inspect.jsonl");
        try (JsonLinesSink sink = JsonLinesSink.file(file, 1 << 20, 3)) {
            Pairs.all().forEach(sink::accept);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(Pairs.all().size(), lines.size());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            TranslationEvent expected = Pairs.all().get(i);
            JsonNode tree = mapper.readTree(lines.get(i));
            assertEquals(expected.id(), tree.get("id").asLong());
            assertEquals(expected.sipc(), tree.get("sipc").asText(), "the SIP-C text survives byte for byte");
            assertEquals(expected.sip().size(), tree.get("sip").size());
            assertEquals(expected.correlation().key(), tree.at("/correlation/key").asText());
            assertEquals("SUCCESS", tree.at("/outcome/kind").asText());
            assertEquals(expected, EventJson.parse(lines.get(i)), "every field reads back");
        }
    }

    @Test
    void emptyOptionalsAreNulls() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(EventJson.toLine(Pairs.plain(7)));
        assertTrue(tree.at("/outcome/latencyMicros").isNull());
        assertTrue(tree.at("/outcome/reason").isNull());
        assertEquals("LOCAL", tree.get("direction").asText());
        assertEquals("2024-05-01T10:00:00.070Z", tree.get("time").asText());
        assertEquals(Pairs.plain(7), EventJson.parse(EventJson.toLine(Pairs.plain(7))));
    }

    @Test
    void rotatesAtTheSizeLimitAndKeepsNFiles() throws IOException {
        Path file = dir.resolve("rot.jsonl");
        int lineBytes = (EventJson.toLine(Pairs.plain(100)) + "\n").getBytes(StandardCharsets.UTF_8).length;
        long limit = 4L * lineBytes + lineBytes / 2;
        try (JsonLinesSink sink = JsonLinesSink.file(file, limit, 3)) {
            for (long id = 100; id < 150; id++) {
                sink.accept(Pairs.plain(id));
            }
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted(Comparator.comparing(Path::toString)).toList();
        }
        assertEquals(List.of(file, dir.resolve("rot.jsonl.1"), dir.resolve("rot.jsonl.2")), files);
        List<Long> ids = new ArrayList<>();
        for (Path p : List.of(dir.resolve("rot.jsonl.2"), dir.resolve("rot.jsonl.1"), file)) {
            assertTrue(Files.size(p) <= limit, p + " holds at most the limit");
            for (String line : Files.readAllLines(p)) {
                ids.add(EventJson.parse(line).id());
            }
        }
        // 50 events, 4 per file: the three files hold the newest 2 + 4 + 4, whole lines only, in order.
        assertEquals(List.of(140L, 141L, 142L, 143L, 144L, 145L, 146L, 147L, 148L, 149L), ids);
    }

    @Test
    void stdoutTargetWritesOneLinePerEvent() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonLinesSink sink = JsonLinesSink.to(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            sink.accept(Pairs.plain(1));
            sink.accept(Pairs.plain(2));
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size());
        assertEquals(2, EventJson.parse(lines.get(1)).id());
    }

    @Test
    void streamedLineIsTheJacksonTreeByteForByte() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (TranslationEvent event : Stream.concat(Pairs.all().stream(), Stream.of(Pairs.plain(7))).toList()) {
            assertEquals(mapper.writeValueAsString(EventJson.toTree(event)), EventJson.toLine(event));
        }
    }
}
