package io.sipcgateway.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javax.sip.header.Header;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Core-side text in tests: split by {@code Content-Length}, parsed with jain-sip's {@link StringMsgParser} (never
 * SIP-C, which it misreads), compared after parsing: start line, every header re-encoded by jain-sip, body bytes.
 */
final class SipTexts {
    private SipTexts() {
    }

    /** Every message in {@code bytes} (several may follow each other, each framed by its Content-Length). */
    static List<SIPMessage> parseAll(byte[] bytes) {
        List<SIPMessage> messages = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (end < 0) {
                throw new AssertionError("no end of headers after byte " + at);
            }
            String head = new String(bytes, at, end - at, StandardCharsets.UTF_8);
            int length = 0;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            int next = end + 4 + length;
            byte[] one = new byte[next - at];
            System.arraycopy(bytes, at, one, 0, one.length);
            messages.add(parse(one));
            at = next;
        }
        return messages;
    }

    static SIPMessage parse(byte[] bytes) {
        try {
            return new StringMsgParser().parseSIPMessage(bytes, true, false, null);
        } catch (ParseException e) {
            throw new AssertionError("jain-sip cannot parse: " + e.getMessage() + " at " + e.getErrorOffset()
                    + "\n" + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    /** What we generated, as jain-sip would receive it: encoded, then parsed back. */
    static SIPMessage reparse(Message generated) {
        return parse(((SIPMessage) generated).encodeAsBytes("TCP"));
    }

    static void assertSameMessage(SIPMessage expected, SIPMessage actual, String what) {
        String context = what + "\nexpected:\n" + expected + "\nactual:\n" + actual;
        if (expected instanceof Request e) {
            Request a = (Request) actual;
            assertEquals(e.getMethod(), a.getMethod(), "method, " + context);
            assertEquals(e.getRequestURI().toString(), a.getRequestURI().toString(), "request-URI, " + context);
        } else {
            Response e = (Response) expected;
            assertEquals(e.getStatusCode(), ((Response) actual).getStatusCode(), "status, " + context);
            assertEquals(e.getReasonPhrase(), ((Response) actual).getReasonPhrase(), "reason, " + context);
        }
        assertEquals(headers(expected), headers(actual), "headers, " + context);
        assertArrayEquals(body(expected), body(actual), "body, " + context);
    }

    /** Header name (lower case) → its re-encoded lines, in order. */
    static TreeMap<String, List<String>> headers(SIPMessage message) {
        TreeMap<String, List<String>> out = new TreeMap<>();
        for (Iterator<String> names = message.getHeaderNames(); names.hasNext(); ) {
            String name = names.next();
            List<String> values = new ArrayList<>();
            for (Iterator<?> it = message.getHeaders(name); it.hasNext(); ) {
                values.add(((Header) it.next()).toString().strip());
            }
            out.put(name.toLowerCase(Locale.ROOT), values);
        }
        return out;
    }

    static byte[] body(SIPMessage message) {
        byte[] raw = message.getRawContent();
        return raw == null ? new byte[0] : raw;
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
