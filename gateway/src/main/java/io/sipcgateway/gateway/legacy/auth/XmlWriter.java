package io.sipcgateway.gateway.legacy.auth;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes compact XML for answer bodies: no prolog, no indentation, so no whitespace text node anywhere (libofetion
 * takes {@code xmlChildrenNode} as the first element, section 1.2), and an element without content closes as
 * {@code <x/>}. Attribute values escape {@code & < > "} and tab, CR and LF (a parser would otherwise normalise them
 * to spaces); text escapes {@code & < >} and CR. A character XML 1.0 cannot carry is a programming error here:
 * the directory rejects such values when it loads.
 */
final class XmlWriter {
    private final StringBuilder out = new StringBuilder(1024);
    private final Deque<String> open = new ArrayDeque<>();
    private boolean inStartTag;

    XmlWriter start(String name) {
        closeStartTag();
        out.append('<').append(name);
        open.push(name);
        inStartTag = true;
        return this;
    }

    XmlWriter attr(String name, String value) {
        if (!inStartTag) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        out.append(' ').append(name).append("=\"");
        escape(value, true);
        out.append('"');
        return this;
    }

    XmlWriter attr(String name, long value) {
        return attr(name, Long.toString(value));
    }

    XmlWriter text(String text) {
        closeStartTag();
        escape(text, false);
        return this;
    }

    /** Closes the innermost element, as {@code />} if nothing was written inside it. */
    XmlWriter end() {
        String name = open.pop();
        if (inStartTag) {
            out.append("/>");
            inStartTag = false;
        } else {
            out.append("</").append(name).append('>');
        }
        return this;
    }

    /** An element with no attributes and no content. */
    XmlWriter empty(String name) {
        return start(name).end();
    }

    String toXml() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void closeStartTag() {
        if (inStartTag) {
            out.append('>');
            inStartTag = false;
        }
    }

    private void escape(String value, boolean attribute) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                        throw new IllegalArgumentException(String.format("U+%04X cannot appear in XML 1.0", (int) c));
                    }
                    out.append(c);
                }
            }
        }
    }
}
