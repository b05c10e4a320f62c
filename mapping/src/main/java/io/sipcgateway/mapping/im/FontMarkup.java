package io.sipcgateway.mapping.im;

import java.util.Locale;
import java.util.Set;

import io.sipcgateway.mapping.xml.XmlText;

/**
 * The SIP-C {@code text/html-fragment} IM body, {@code <Font Face='宋体' Color='-16777216' Size='10.5'>text</Font>}
 * (reference section 6.1, samples 62 and 67, WIRE): single-quoted attributes, Color a signed ARGB integer, Size in
 * points, the text XML-escaped. The fragment is not well-formed XML in general (several {@code <Font>} runs side by
 * side, sometimes unclosed), so it is scanned leniently here instead of going through {@code SafeXml}.
 */
public final class FontMarkup {
    public static final String CONTENT_TYPE = "text/html-fragment";
    /** The official client's default font: 宋体 (SimSun), black, 10.5 pt (samples 62, 67). */
    public static final String DEFAULT_FACE = "宋体";
    public static final String DEFAULT_COLOR = "-16777216";
    public static final String DEFAULT_SIZE = "10.5";

    /** Inline formatting tags that are dropped; {@code <br>} becomes a line break. Others are kept as text. */
    private static final Set<String> FORMATTING = Set.of("font", "b", "i", "u", "s", "strike", "strong", "em", "span");
    private static final String OPEN_TAG =
            "<Font Face='" + DEFAULT_FACE + "' Color='" + DEFAULT_COLOR + "' Size='" + DEFAULT_SIZE + "'>";

    private FontMarkup() {
    }

    /**
     * The text of a fragment: formatting tags removed (any case, nested, unclosed or missing), then entities and
     * character references replaced. A tag left open at the end of the fragment is dropped with its attributes.
     */
    public static String toPlainText(String fragment) {
        StringBuilder raw = new StringBuilder(fragment.length());
        int n = fragment.length();
        int i = 0;
        while (i < n) {
            int lt = fragment.indexOf('<', i);
            if (lt < 0) {
                raw.append(fragment, i, n);
                break;
            }
            raw.append(fragment, i, lt);
            int nameStart = lt + 1 < n && fragment.charAt(lt + 1) == '/' ? lt + 2 : lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < n && isAsciiLetter(fragment.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = fragment.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            boolean wholeName = nameEnd == n || !isNameChar(fragment.charAt(nameEnd));
            if (wholeName && (FORMATTING.contains(name) || name.equals("br"))) {
                int end = tagEnd(fragment, nameEnd);
                if (name.equals("br") && end < n) {
                    raw.append('\n');
                }
                i = end < n ? end + 1 : n;
            } else {
                raw.append('<');      // a lone '<' or a tag we do not know: text, as the client showed it
                i = lt + 1;
            }
        }
        return XmlText.unescape(raw);
    }

    /** Wraps plain text in the official client's default font, escaping {@code &}, {@code <} and {@code >}. */
    public static String toFragment(String plainText) {
        StringBuilder out = new StringBuilder(plainText.length() + OPEN_TAG.length() + 16).append(OPEN_TAG);
        for (int i = 0; i < plainText.length(); ) {
            int cp = plainText.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (XmlText.isXmlChar(cp)) {      // line breaks stay raw, as the client sends them
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.append("</Font>").toString();
    }

    /** The index of the {@code >} closing the tag whose name ends at {@code from}, skipping quoted values. */
    private static int tagEnd(String s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return s.length();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':' || c == '.';
    }
}
