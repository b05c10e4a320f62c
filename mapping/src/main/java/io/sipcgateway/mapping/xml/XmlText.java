package io.sipcgateway.mapping.xml;

/**
 * Character-level XML escaping shared by the writers, and a lenient un-escaper for markup that is not parsed as XML
 * (the SIP-C {@code <Font>} fragment, reference section 6.1).
 *
 * <p>Characters that XML 1.0 forbids (C0 controls other than tab, LF, CR; unpaired surrogates; U+FFFE/U+FFFF) are
 * dropped on output: a peer parser would otherwise reject the whole body for one stray byte.
 */
public final class XmlText {
    private XmlText() {
    }

    /** Escapes {@code &}, {@code <}, {@code >} and CR (so it survives end-of-line normalisation) for element text. */
    public static String escapeText(CharSequence text) {
        return escape(text, false);
    }

    /**
     * Escapes text for a double- or single-quoted attribute: both quotes, {@code &}, {@code <}, {@code >}, and
     * tab/LF/CR as character references (XML 1.0 section 3.3.3 would otherwise normalise them to spaces).
     */
    public static String escapeAttribute(CharSequence text) {
        return escape(text, true);
    }

    /**
     * Replaces the five predefined entities and numeric character references; anything else that starts with
     * {@code &} (an unknown entity, a bare ampersand) is kept literally. Never fails.
     */
    public static String unescape(CharSequence text) {
        int amp = indexOf(text, '&', 0);
        if (amp < 0) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (amp >= 0) {
            out.append(text, i, amp);
            int semi = indexOf(text, ';', amp + 1);
            int replacement = semi > amp + 1 && semi - amp <= 12 ? reference(text, amp + 1, semi) : -1;
            if (replacement >= 0) {
                out.appendCodePoint(replacement);
                i = semi + 1;
            } else {
                out.append('&');
                i = amp + 1;
            }
            amp = indexOf(text, '&', i);
        }
        return out.append(text, i, text.length()).toString();
    }

    /** True if XML 1.0 allows the code point in a document (production [2] Char). */
    public static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    private static String escape(CharSequence text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (isXmlChar(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The code point named by the reference between {@code from} and {@code to} (exclusive), or -1. */
    private static int reference(CharSequence text, int from, int to) {
        String name = text.subSequence(from, to).toString();
        switch (name) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            default:
                break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') {
            return -1;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty()) {
            return -1;
        }
        int cp = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), hex ? 16 : 10);
            if (d < 0) {
                return -1;
            }
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > 0x10FFFF) {
                return -1;
            }
        }
        return isXmlChar(cp) ? cp : -1;
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
