package io.sipcgateway.sipc.codec;

import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcStartLine;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcSyntax;
import io.sipcgateway.sipc.SipcVersion;
import java.nio.charset.StandardCharsets;

/**
 * Parses a start line (section 1.1). A first token holding {@code /} is a version, so the line is a status line
 * (pkts {@code SipInitialLine.parse}); otherwise it is a request line of exactly three tokens. Offsets in errors
 * point at the offending token.
 */
final class StartLineParser {
    private StartLineParser() {
    }

    /**
     * @param line the line, one char per byte (ISO-8859-1), without CRLF
     * @param offset the line's absolute byte offset
     * @param nonAscii whether the line holds bytes over 0x7F, which are then re-read as UTF-8 in the free-text parts
     */
    static SipcStartLine parse(String line, long offset, boolean nonAscii) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--; // trailing white space, as sent with header values (section 1.2)
        }
        int firstSpace = line.indexOf(' ');
        if (firstSpace < 0 || firstSpace >= end) {
            throw error(SipcDecodeError.BAD_START_LINE, offset + end, "expected three parts: '" + line + "'");
        }
        if (firstSpace == 0) {
            throw error(SipcDecodeError.BAD_START_LINE, offset, "start line begins with a space");
        }
        String first = line.substring(0, firstSpace);
        return first.indexOf('/') >= 0
                ? statusLine(line, first, firstSpace, end, offset, nonAscii)
                : requestLine(line, first, firstSpace, end, offset, nonAscii);
    }

    private static SipcStartLine statusLine(String line, String first, int firstSpace, int end, long offset,
            boolean nonAscii) {
        SipcVersion version = SipcVersion.tryParse(first).orElseThrow(() ->
                error(SipcDecodeError.BAD_VERSION, offset, "not a SIP-C version: '" + first + "'"));
        int codeStart = firstSpace + 1;
        int codeEnd = line.indexOf(' ', codeStart);
        if (codeEnd < 0 || codeEnd > end) {
            codeEnd = end;
        }
        if (codeEnd - codeStart != 3 || !isDigits(line, codeStart, codeEnd)) {
            throw error(SipcDecodeError.BAD_STATUS_CODE, offset + codeStart,
                    "status code is not three digits: '" + line.substring(codeStart, codeEnd) + "'");
        }
        int code = Integer.parseInt(line, codeStart, codeEnd, 10);
        if (code < 100 || code > 699) {
            throw error(SipcDecodeError.BAD_STATUS_CODE, offset + codeStart, "status code out of range: " + code);
        }
        String reason = codeEnd < end ? utf8(line.substring(codeEnd + 1, end), nonAscii) : "";
        return new SipcStartLine.StatusLine(version, new SipcStatus(code, reason));
    }

    private static SipcStartLine requestLine(String line, String method, int firstSpace, int end, long offset,
            boolean nonAscii) {
        if (!SipcSyntax.isToken(method)) {
            throw error(SipcDecodeError.BAD_METHOD, offset, "method is not a token: '" + method + "'");
        }
        int targetStart = firstSpace + 1;
        int secondSpace = line.indexOf(' ', targetStart);
        if (secondSpace < 0 || secondSpace >= end) {
            throw error(SipcDecodeError.BAD_START_LINE, offset + end, "request line has no version");
        }
        if (secondSpace == targetStart) {
            throw error(SipcDecodeError.BAD_START_LINE, offset + targetStart, "empty request target");
        }
        int versionStart = secondSpace + 1;
        int extra = line.indexOf(' ', versionStart);
        if (extra >= 0 && extra < end) {
            throw error(SipcDecodeError.BAD_START_LINE, offset + (extra == versionStart ? extra : extra + 1),
                    "request line has more than three parts");
        }
        String versionToken = line.substring(versionStart, end);
        SipcVersion version = SipcVersion.tryParse(versionToken).orElseThrow(() ->
                error(SipcDecodeError.BAD_VERSION, offset + versionStart, "not a SIP-C version: '" + versionToken
                        + "'"));
        String target = utf8(line.substring(targetStart, secondSpace), nonAscii);
        return new SipcStartLine.RequestLine(SipcMethod.of(method), target, version);
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Re-reads ISO-8859-1 text as the UTF-8 it was sent in, when the line had bytes over 0x7F. */
    static String utf8(String latin1, boolean nonAscii) {
        return nonAscii ? new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : latin1;
    }

    private static RuntimeException error(SipcDecodeError error, long offset, String detail) {
        return SipcFrameException.of(error, offset, detail);
    }
}
