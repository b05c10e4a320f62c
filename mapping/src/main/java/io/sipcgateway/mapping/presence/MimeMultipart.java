package io.sipcgateway.mapping.presence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;

/**
 * A lenient reader for the {@code multipart/related} bodies of RFC 4662 NOTIFYs (RFC 2046 section 5.1, RFC 2387).
 * Lenient where real documents are sloppy (seed document 000 shows all of these): LF or CRLF line ends, a missing
 * close delimiter, blank lines before a part's headers, no blank line between headers and content, whitespace and
 * trailing junk in {@code Content-ID} and {@code Content-Type} values. Part bytes are returned exactly.
 */
final class MimeMultipart {
    /** RFC 2046 section 5.1.1: 1 to 70 characters from this set, not ending in a space. */
    private static final String BOUNDARY_CHARS =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";

    private MimeMultipart() {
    }

    /** One body part: headers by lower-cased name (folded lines joined), and the exact content bytes. */
    record Part(Map<String, String> headers, byte[] content) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** The normalised Content-ID (see {@link #normaliseCid}), if any. */
        Optional<String> contentId() {
            return header("content-id").map(MimeMultipart::normaliseCid);
        }

        /** The lower-cased media type of Content-Type, if any. */
        Optional<String> mediaType() {
            return header("content-type").map(MimeMultipart::mediaType).filter(t -> !t.isEmpty());
        }
    }

    /** The lower-cased {@code type/subtype} at the start of a Content-Type value; junk after it is ignored. */
    static String mediaType(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < v.length() && isTypeChar(v.charAt(end))) {
            end++;
        }
        return v.substring(0, end);
    }

    /** The {@code ;name=value} parameters of a Content-Type value, names lower-cased, quotes removed. */
    static Map<String, String> parameters(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            int eq = value.indexOf('=', i + 1);
            if (eq < 0) {
                break;
            }
            String name = value.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < value.length() && Character.isWhitespace(value.charAt(j))) {
                j++;
            }
            StringBuilder v = new StringBuilder();
            if (j < value.length() && value.charAt(j) == '"') {
                for (j++; j < value.length() && value.charAt(j) != '"'; j++) {
                    if (value.charAt(j) == '\\' && j + 1 < value.length()) {
                        j++;
                    }
                    v.append(value.charAt(j));
                }
                i = value.indexOf(';', j);
            } else {
                int semi = value.indexOf(';', j);
                v.append(value, j, semi < 0 ? value.length() : semi);
                i = semi;
            }
            params.putIfAbsent(name, v.toString().strip());
        }
        return params;
    }

    /** A Content-ID or {@code cid} without angle brackets, {@code cid:} prefix, whitespace, or case differences. */
    static String normaliseCid(String cid) {
        StringBuilder out = new StringBuilder(cid.length());
        for (int i = 0; i < cid.length(); i++) {
            char c = cid.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '<' && c != '>') {
                out.append(c);
            }
        }
        String s = out.toString().toLowerCase(Locale.ROOT);
        return s.startsWith("cid:") ? s.substring(4) : s;
    }

    /** Checks a boundary parameter against RFC 2046 section 5.1.1. */
    static Optional<String> boundaryProblem(String boundary) {
        if (boundary.isEmpty() || boundary.length() > 70 || boundary.endsWith(" ")) {
            return Optional.of("boundary must be 1 to 70 characters not ending in a space");
        }
        for (int i = 0; i < boundary.length(); i++) {
            if (BOUNDARY_CHARS.indexOf(boundary.charAt(i)) < 0) {
                return Optional.of("boundary has a character RFC 2046 forbids: '" + boundary.charAt(i) + "'");
            }
        }
        return Optional.empty();
    }

    /** Splits {@code body} at {@code --boundary} lines; the preamble and epilogue are dropped. */
    static BodyResult<List<Part>> split(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);   // one char per byte: offsets are bytes
        String dash = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        int contentStart = -1;
        int from = 0;
        while (true) {
            int at = text.indexOf(dash, from);
            if (at < 0) {
                break;
            }
            int afterDash = at + dash.length();
            int lineEnd = text.indexOf('\n', afterDash);
            int nextLine = lineEnd < 0 ? text.length() : lineEnd + 1;
            boolean close = text.startsWith("--", afterDash);
            boolean atLineStart = at == 0 || text.charAt(at - 1) == '\n';
            if (!atLineStart || !close && !text.substring(afterDash, nextLine).isBlank()) {
                from = afterDash;      // the boundary string inside content, not a delimiter line
                continue;
            }
            if (contentStart >= 0) {
                int end = at > 0 && text.charAt(at - 1) == '\n' ? at - 1 : at;
                end = end > contentStart && text.charAt(end - 1) == '\r' ? end - 1 : end;
                parts.add(part(text, contentStart, Math.max(contentStart, end)));
            }
            if (close) {
                return BodyResult.ok(List.copyOf(parts));
            }
            contentStart = nextLine;
            from = nextLine;
        }
        if (contentStart < 0) {
            return BodyResult.rejected(Problem.MALFORMED, "no '--" + boundary + "' delimiter line in the body");
        }
        parts.add(part(text, contentStart, text.length()));   // no close delimiter: tolerated, runs to the end
        return BodyResult.ok(List.copyOf(parts));
    }

    private static Part part(String text, int start, int end) {
        Map<String, String> headers = new LinkedHashMap<>();
        int i = start;
        while (i < end && lineAt(text, i, end).isBlank() && nextLine(text, i, end) < end) {
            i = nextLine(text, i, end);      // blank lines before the headers (seed 000)
        }
        String last = null;
        while (i < end) {
            String line = lineAt(text, i, end);
            if (line.isBlank()) {
                i = nextLine(text, i, end);
                break;
            }
            if (last != null && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                headers.put(last, headers.get(last) + " " + line.strip());
            } else if (isHeaderLine(line)) {
                int colon = line.indexOf(':');
                last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.putIfAbsent(last, utf8(line.substring(colon + 1)).strip());
            } else {
                break;                       // content without the blank separator line (seed 000)
            }
            i = nextLine(text, i, end);
        }
        return new Part(Map.copyOf(headers), text.substring(Math.min(i, end), end)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean isHeaderLine(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int k = 0; k < colon; k++) {
            char c = line.charAt(k);
            if (c <= ' ' || c >= 0x7F || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return k > 0 && line.substring(k, colon).isBlank();
            }
        }
        return true;
    }

    /** The line at {@code i} without its line break. */
    private static String lineAt(String text, int i, int end) {
        int lf = text.indexOf('\n', i);
        int stop = lf < 0 || lf > end ? end : lf;
        return text.substring(i, stop > i && text.charAt(stop - 1) == '\r' ? stop - 1 : stop);
    }

    private static int nextLine(String text, int i, int end) {
        int lf = text.indexOf('\n', i);
        return lf < 0 || lf >= end ? end : lf + 1;
    }

    /** Header bytes were read one char per byte; decode them as the UTF-8 they usually are. */
    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static boolean isTypeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "!#$&^_.+-/".indexOf(c) >= 0;
    }
}
