package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipcgateway.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WireTextTest {

    @Test
    void headLinesAreCutAsTheRegexSplitCutThem() {
        Stream<String> edges = Stream.of("A\r\r\nB\n\nbody", "\r\nX: 1\r\n\r\n", "M x SIP-C/4.0", "a\rb\r\n\r\nc\nd",
                "", "\n", "\r\n\r\n", "L: 1\n\n\n");
        Stream<String> fixtures = Fixtures.indexedPaths().stream().filter(p -> p.endsWith(".sipc") || p.endsWith(".sip"))
                .map(p -> new String(Fixtures.bytes(p), StandardCharsets.UTF_8));
        Stream.concat(edges, fixtures).forEach(text -> assertEquals(regexSplit(text), WireText.headLines(text), text));
    }

    /** The implementation {@link WireText#headLines} replaced. */
    private static List<String> regexSplit(String text) {
        String head = text.substring(0, WireText.bodyOffset(text));
        List<String> lines = new ArrayList<>();
        for (String line : head.split("\r?\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
