package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipcgateway.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void contentLengthIsFixedAsTheMultilineRegexFixedItOnEveryFixtureAndEdge() {
        Stream<String> edges = Stream.of("M x SIP-C/4.0\r\nL: 99\r\n\r\n你好",
                "MESSAGE s SIP/2.0\r\ncontent-length :\t7\r\n\r\nab", "R x SIP-C/4.0\r\nLK: 5\r\nL: 1;p=2\r\n\r\nabc",
                "A\nl:3\n\nabc", "A\r\nL: x\r\nL: 4\r\n\r\nab",
                "no head at all", "", "L: 12", "X: 1\r\nL:\r\n\r\nbody");
        Stream<String> fixtures = Fixtures.indexedPaths().stream()
                .filter(p -> p.endsWith(".sipc") || p.endsWith(".sip"))
                .map(p -> new String(Fixtures.bytes(p), StandardCharsets.UTF_8))
                .flatMap(text -> Stream.of(text, text + "[masked]", WireText.replaceBody(text, "")));
        Stream.concat(edges, fixtures).forEach(text -> assertEquals(regexFix(text), WireText.fixContentLength(text),
                text));
        assertEquals("M x SIP-C/4.0\r\nL: 6\r\n\r\n你好", WireText.fixContentLength(
                "M x SIP-C/4.0\r\nL: 99\r\n\r\n你好"), "UTF-8 bytes, not chars");
    }

    /** The implementation {@link WireText#fixContentLength} replaced. */
    private static String regexFix(String text) {
        int offset = WireText.bodyOffset(text);
        String head = text.substring(0, offset);
        Matcher m = Pattern.compile("^((?:L|Content-Length)[ \\t]*:[ \\t]*)(\\d+)",
                Pattern.CASE_INSENSITIVE | Pattern.MULTILINE).matcher(head);
        if (!m.find()) {
            return text;
        }
        String actual = Integer.toString(WireText.utf8Length(text.substring(offset)));
        if (m.group(2).equals(actual)) {
            return text;
        }
        return head.substring(0, m.start(2)) + actual + head.substring(m.end(2)) + text.substring(offset);
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
