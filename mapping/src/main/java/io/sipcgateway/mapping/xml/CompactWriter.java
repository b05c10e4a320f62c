package io.sipcgateway.mapping.xml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Attribute;
import org.dom4j.CharacterData;
import org.dom4j.Comment;
import org.dom4j.Element;
import org.dom4j.Entity;
import org.dom4j.Namespace;
import org.dom4j.Node;

/**
 * Serialises a dom4j element on one line: no XML declaration, no comments or processing instructions, no
 * whitespace-only text between elements, namespace declarations written once where first needed. Text is kept
 * exactly (dom4j's compact {@code OutputFormat} trims and collapses it, which would change a user's note).
 */
final class CompactWriter {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private final StringBuilder out = new StringBuilder(256);
    private final EmptyTagStyle style;

    private CompactWriter(EmptyTagStyle style) {
        this.style = style;
    }

    static String write(Element root, EmptyTagStyle style) {
        CompactWriter writer = new CompactWriter(style);
        writer.element(root, Map.of());
        return writer.out.toString();
    }

    private void element(Element element, Map<String, String> inScope) {
        Map<String, String> scope = inScope;
        String name = element.getQualifiedName();
        out.append('<').append(name);
        for (Namespace declared : element.declaredNamespaces()) {
            scope = declare(declared.getPrefix(), declared.getURI(), scope);
        }
        scope = declare(element.getNamespacePrefix(), element.getNamespaceURI(), scope);
        for (Attribute attribute : element.attributes()) {
            String prefix = attribute.getNamespacePrefix();
            if (!prefix.isEmpty()) {
                scope = declare(prefix, attribute.getNamespaceURI(), scope);
            }
        }
        for (Attribute attribute : element.attributes()) {
            out.append(' ').append(attribute.getQualifiedName()).append("=\"")
                    .append(XmlText.escapeAttribute(attribute.getValue())).append('"');
        }
        List<Node> content = element.content();
        boolean hasChildElements = false;
        for (Node node : content) {
            hasChildElements |= node instanceof Element;
        }
        int before = out.length();
        out.append('>');
        boolean wroteContent = false;
        for (Node node : content) {
            if (node instanceof Element child) {
                element(child, scope);
                wroteContent = true;
            } else if (node instanceof CharacterData text && !(node instanceof Comment)) {
                String value = text.getText();
                if (!value.isEmpty() && !(hasChildElements && value.isBlank())) {
                    out.append(XmlText.escapeText(value));
                    wroteContent = true;
                }
            } else if (node instanceof Entity entity && entity.getText() != null) {
                out.append(XmlText.escapeText(entity.getText()));
                wroteContent = true;
            }
        }
        if (wroteContent) {
            out.append("</").append(name).append('>');
        } else {
            out.setLength(before);
            out.append(style == EmptyTagStyle.SPACED ? " />" : "/>");
        }
    }

    /** Writes {@code xmlns[:prefix]="uri"} unless that binding is already in scope; returns the new scope. */
    private Map<String, String> declare(String prefix, String uri, Map<String, String> scope) {
        if (XML_NS.equals(uri) || "xml".equals(prefix)) {
            return scope;
        }
        String bound = scope.get(prefix);
        if (bound == null ? uri.isEmpty() && prefix.isEmpty() : bound.equals(uri)) {
            return scope;
        }
        if (prefix.isEmpty()) {
            out.append(" xmlns=\"");
        } else {
            out.append(" xmlns:").append(prefix).append("=\"");
        }
        out.append(XmlText.escapeAttribute(uri)).append('"');
        Map<String, String> next = new HashMap<>(scope);
        next.put(prefix, uri);
        return next;
    }
}
