package io.sipcgateway.gateway.inspect;

import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient text surgery on one SIP or SIP-C message as recorded (start line, header lines, blank line, body), for
 * inspection only: it finds the body and rewrites it or the length header and leaves every other byte as it was.
 * Both dialects frame the same way (reference section 1.2; RFC 3261 7). Bare LF line ends are accepted.
 */
public final class WireText {
    /** The long name; {@code L} (SIP-C, and SIP's compact {@code l}) is the short one (RFC 3261 20.14). */
    private static final String CONTENT_LENGTH = "Content-Length";

    private WireText() {
    }

    /** Where the body starts: just after the first empty line, or the text's length if there is none. */
    public static int bodyOffset(String text) {
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            return crlf + 4;
        }
        return lf >= 0 ? lf + 2 : text.length();
    }

    public static String body(String text) {
        return text.substring(bodyOffset(text));
    }

    /** The start line and header lines (no line ends); header lines are not unfolded. */
    public static List<String> headLines(String text) {
        int end = bodyOffset(text);
        List<String> lines = new ArrayList<>(16);
        // As head.split("\r?\n") would cut it, without a regular expression per message (the HEP sink and the
        // metrics call this for every event).
        for (int start = 0; start < end;) {
            int nl = text.indexOf('\n', start);
            int next = nl < 0 || nl >= end ? end : nl + 1;
            int stop = nl < 0 || nl >= end ? end : nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            if (stop > start) {
                lines.add(text.substring(start, stop));
            }
            start = next;
        }
        return lines;
    }

    public static String replaceBody(String text, String body) {
        return text.substring(0, bodyOffset(text)) + body;
    }

    /** The bytes {@link #bytes} gives, counted without encoding (an unpaired surrogate is one {@code ?}, as there). */
    public static int utf8Length(String s) {
        return ByteBufUtil.utf8Bytes(s);
    }

    /**
     * Sets the first {@code L}/{@code Content-Length} value to the body's UTF-8 byte count, so that a masked or
     * redacted message still frames (Wireshark, sngrep and Homer check it). A {@code ;p=} slice suffix is kept; a
     * message without the header is returned as it is.
     */
    public static String fixContentLength(String text) {
        // A scan by hand: a MULTILINE regex tried its anchor at every character of every leg, which was most of the
        // recorder thread's time in a relay profile (BENCHMARKS.md, cost of inspection).
        int offset = bodyOffset(text);
        int lineStart = 0;
        while (lineStart < offset) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > offset) {
                lineEnd = offset;
            }
            int valueStart = lengthValueStart(text, lineStart, lineEnd);
            int valueEnd = valueStart;
            while (valueStart >= 0 && valueEnd < lineEnd && Character.isDigit(text.charAt(valueEnd))
                    && text.charAt(valueEnd) < 0x80) {
                valueEnd++;
            }
            if (valueStart >= 0 && valueEnd > valueStart) {
                String actual = Integer.toString(ByteBufUtil.utf8Bytes(text, offset, text.length()));
                if (valueEnd - valueStart == actual.length() && text.startsWith(actual, valueStart)) {
                    return text;
                }
                return text.substring(0, valueStart) + actual + text.substring(valueEnd);
            }
            lineStart = lineEnd + 1;
        }
        return text;
    }

    /**
     * Where the value starts if the line is {@code L} or {@code Content-Length} (any case), spaces or tabs, a colon,
     * spaces or tabs; else -1.
     */
    private static int lengthValueStart(String text, int start, int end) {
        int i;
        if (text.regionMatches(true, start, CONTENT_LENGTH, 0, CONTENT_LENGTH.length())) {
            i = start + CONTENT_LENGTH.length();
        } else if (start < end && (text.charAt(start) == 'L' || text.charAt(start) == 'l')) {
            i = start + 1;
        } else {
            return -1;
        }
        i = skipBlanks(text, i, end);
        if (i >= end || text.charAt(i) != ':') {
            return -1;
        }
        return skipBlanks(text, i + 1, end);
    }

    private static int skipBlanks(String text, int i, int end) {
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The message as UTF-8 bytes, which is what crossed the wire (reference section 1.2: UTF-8 throughout). */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
