package io.sipcgateway.gateway.legacy.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code <Scheme> name="value", name=value, ...} as clients send it in {@code A} (section 3). Lenient where
 * real clients differ: scheme and names in any case, spaces around {@code =} and {@code ,}, quoted or bare values,
 * a trailing comma. Strict where it matters: the scheme must match, names must be tokens, quotes must close, no
 * name may repeat, and the value is bounded.
 */
final class DigestParams {
    /** A v4 response is 256 hex plus about 40 characters; anything near this bound is garbage. */
    static final int MAX_LENGTH = 2048;

    private DigestParams() {
    }

    /** The parameters, names lower-cased, in order. */
    static ParseResult<Map<String, String>> parse(String header, String scheme) {
        if (header == null) {
            return ParseResult.malformed("no A header");
        }
        String text = header.strip();
        if (text.length() > MAX_LENGTH) {
            return ParseResult.malformed("A header longer than " + MAX_LENGTH + " characters");
        }
        int pos = 0;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        String seen = text.substring(0, pos);
        if (!seen.equalsIgnoreCase(scheme)) {
            return ParseResult.malformed("expected scheme '" + scheme + "', got '" + abbreviate(seen) + "'");
        }
        if (pos < text.length() && !isSpace(text.charAt(pos))) {
            return ParseResult.malformed("expected a space after '" + scheme + "'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            pos = skip(text, pos, true);
            if (pos >= text.length()) {
                break;
            }
            int nameStart = pos;
            while (pos < text.length() && isTokenChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == nameStart) {
                return ParseResult.malformed("expected a parameter name at index " + pos);
            }
            String name = text.substring(nameStart, pos).toLowerCase(Locale.ROOT);
            pos = skip(text, pos, false);
            if (pos >= text.length() || text.charAt(pos) != '=') {
                return ParseResult.malformed("expected '=' after '" + name + "'");
            }
            pos = skip(text, pos + 1, false);
            StringBuilder value = new StringBuilder();
            if (pos < text.length() && text.charAt(pos) == '"') {
                int close = readQuoted(text, pos + 1, value);
                if (close < 0) {
                    return ParseResult.malformed("unterminated quoted value of '" + name + "'");
                }
                pos = close + 1;
            } else {
                while (pos < text.length() && isTokenChar(text.charAt(pos))) {
                    value.append(text.charAt(pos++));
                }
            }
            if (params.putIfAbsent(name, value.toString()) != null) {
                return ParseResult.malformed("parameter '" + name + "' given twice");
            }
            pos = skip(text, pos, false);
            if (pos < text.length() && text.charAt(pos) != ',') {
                return ParseResult.malformed("unexpected character '" + text.charAt(pos) + "' at index " + pos);
            }
        }
        return ParseResult.ok(Collections.unmodifiableMap(params));
    }

    /** Reads up to the closing quote, honouring backslash escapes; the index of the quote, or -1. */
    private static int readQuoted(String text, int from, StringBuilder value) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            value.append(c);
        }
        return -1;
    }

    private static int skip(String text, int pos, boolean commas) {
        while (pos < text.length() && (isSpace(text.charAt(pos)) || commas && text.charAt(pos) == ',')) {
            pos++;
        }
        return pos;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 3261 token characters. */
    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-.!%*_+`'~".indexOf(c) >= 0;
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
