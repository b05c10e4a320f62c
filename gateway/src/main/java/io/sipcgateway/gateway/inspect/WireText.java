package io.sipcgateway.gateway.inspect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient text surgery on one SIP or SIP-C message as recorded (start line, header lines, blank line, body), for
 * inspection only: it finds the body and rewrites it or the length header and leaves every other byte as it was.
 * Both dialects frame the same way (reference section 1.2; RFC 3261 7). Bare LF line ends are accepted.
 */
public final class WireText {
    /** {@code L} (SIP-C, and SIP's compact {@code l}) or {@code Content-Length} (RFC 3261 20.14), any case. */
    private static final Pattern LENGTH_LINE = Pattern.compile("^((?:L|Content-Length)[ \\t]*:[ \\t]*)(\\d+)",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

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

    public static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Sets the first {@code L}/{@code Content-Length} value to the body's UTF-8 byte count, so that a masked or
     * redacted message still frames (Wireshark, sngrep and Homer check it). A {@code ;p=} slice suffix is kept; a
     * message without the header is returned as it is.
     */
    public static String fixContentLength(String text) {
        int offset = bodyOffset(text);
        String head = text.substring(0, offset);
        Matcher m = LENGTH_LINE.matcher(head);
        if (!m.find()) {
            return text;
        }
        String actual = Integer.toString(utf8Length(text.substring(offset)));
        if (m.group(2).equals(actual)) {
            return text;
        }
        return head.substring(0, m.start(2)) + actual + head.substring(m.end(2)) + text.substring(offset);
    }

    /** The message as UTF-8 bytes, which is what crossed the wire (reference section 1.2: UTF-8 throughout). */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
