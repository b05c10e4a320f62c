package io.sipcgateway.mapping.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dom4j.Element;

/**
 * Small read helpers over dom4j trees. Namespaced lookups compare the namespace URI, never the prefix (a peer may
 * bind PIDF to {@code xmlns:p} or to the default namespace); SIP-C bodies have no namespace and use the plain forms.
 */
public final class Elements {
    private Elements() {
    }

    /** Child elements named {@code localName} in namespace {@code namespaceUri} ({@code ""} for none). */
    public static List<Element> children(Element parent, String namespaceUri, String localName) {
        List<Element> found = new ArrayList<>();
        for (Element child : parent.elements()) {
            if (is(child, namespaceUri, localName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The first such child. */
    public static Optional<Element> child(Element parent, String namespaceUri, String localName) {
        for (Element child : parent.elements()) {
            if (is(child, namespaceUri, localName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** Descendants (not {@code root} itself) named {@code localName} in {@code namespaceUri}, in document order. */
    public static List<Element> descendants(Element root, String namespaceUri, String localName) {
        List<Element> found = new ArrayList<>();
        collect(root, namespaceUri, localName, found);
        return found;
    }

    /** True if the element has this namespace URI and local name. */
    public static boolean is(Element element, String namespaceUri, String localName) {
        return element.getName().equals(localName) && element.getNamespaceURI().equals(namespaceUri);
    }

    /** The attribute's value, empty if the attribute is absent (an empty value is kept). */
    public static Optional<String> attribute(Element element, String name) {
        return Optional.ofNullable(element.attributeValue(name));
    }

    /** The trimmed text content, empty if blank. */
    public static Optional<String> text(Element element) {
        String text = element.getText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The slash-separated local names from the root to {@code element}, for rejection details. */
    public static String path(Element element) {
        StringBuilder path = new StringBuilder();
        for (Element e = element; e != null; e = e.getParent()) {
            path.insert(0, "/" + e.getName());
        }
        return path.toString();
    }

    // Depth is bounded by SafeXml.MAX_DEPTH for parsed trees, so recursion is safe here.
    private static void collect(Element parent, String namespaceUri, String localName, List<Element> found) {
        for (Element child : parent.elements()) {
            if (is(child, namespaceUri, localName)) {
                found.add(child);
            }
            collect(child, namespaceUri, localName, found);
        }
    }
}
