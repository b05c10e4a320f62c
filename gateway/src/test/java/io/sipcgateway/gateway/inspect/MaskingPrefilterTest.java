package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cheap scans in {@link Masking} only decide whether a regular expression needs to run; they must never skip one
 * that would have matched. Checked against the patterns themselves on every fixture and on edge cases.
 */
class MaskingPrefilterTest {
    /** The header-line pattern the scan replaced. */
    private static final Pattern AUTH_HEADER =
            Pattern.compile("^(?:A|Authorization|Proxy-Authorization)[ \\t]*:", Pattern.CASE_INSENSITIVE);

    private static final List<String> EDGES = List.of(
            "x;response=abc", "x-response=abc", "xresponse=1", "RESPONSE \t=\r\n \"v\"", "c=\"v\"", "abc=\"v\"",
            "_c=\"v\"", "a.c = \"v\"", "V4Digest=1", "pwd =x", "<PassWord>x</PassWord>", "<pwd >x</pwd>",
            "<response>", "<credential c=\"1\"/>", "Cookie: ssic=AbC; x=1", "=", "==", "response", "<", "<>",
            "\u0131ssic=1", "respon\u017fe=1", "A :Digest response=1", "a\t: x", "Authorization: x",
            "PROXY-authorization   : y", "Authorizationx: y", "AB: z", "A", ":", "Proxy-Authorization");

    @Test
    void noPatternMatchesWhereTheScanSaysItCannot() {
        int skipped = 0;
        for (String text : texts()) {
            if (!Masking.mayAssignSecret(text)) {
                skipped++;
                assertFalse(Masking.QUOTED.matcher(text).find(), text);
                assertFalse(Masking.UNQUOTED.matcher(text).find(), text);
            }
            if (!Masking.mayHoldSecretElement(text)) {
                assertFalse(Masking.ELEMENT.matcher(text).find(), text);
            }
        }
        assertTrue(skipped > 10, "the scan skips the regular expressions for most messages: " + skipped);
    }

    @Test
    void theScanFindsTheSecretsOfTheEdgeCases() {
        for (String text : List.of("x;response=abc", "RESPONSE \t=\r\n \"v\"", "c=\"v\"", "a.c = \"v\"", "pwd =x")) {
            assertTrue(Masking.mayAssignSecret(text), text);
        }
        assertTrue(Masking.mayHoldSecretElement("<PassWord>x</PassWord>"));
    }

    @Test
    void authorizationLinesAreThoseThePatternFinds() {
        for (String text : texts()) {
            for (String line : text.split("\n", -1)) {
                assertEquals(AUTH_HEADER.matcher(line).lookingAt(), Masking.isAuthorizationLine(line, 0,
                        line.length()), line);
            }
        }
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(EDGES);
        Fixtures.indexedPaths().stream().filter(p -> p.endsWith(".sipc") || p.endsWith(".sip"))
                .map(p -> new String(Fixtures.bytes(p), StandardCharsets.UTF_8)).forEach(texts::add);
        Fixtures.sipTorture().map(t -> new String(t.bytes(), StandardCharsets.UTF_8)).forEach(texts::add);
        Pairs.all().stream().flatMap(e -> Stream.concat(Stream.of(e.sipc()), e.sip().stream())).forEach(texts::add);
        return texts;
    }
}
