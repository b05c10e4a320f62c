package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.xml.SafeXml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dom4j.Document;
import org.dom4j.Element;
import org.dom4j.Node;
import org.dom4j.Text;

/** Structural checks on answer bodies, parsed with the hardened reader. */
final class XmlShape {
    private XmlShape() {
    }

    static Element parse(String xml) {
        BodyResult<Document> parsed = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        if (parsed instanceof BodyResult.Rejected<Document> bad) {
            fail(bad.detail() + "\n" + xml);
        }
        return ((BodyResult.Ok<Document>) parsed).value().getRootElement();
    }

    /** No text node anywhere that is only whitespace: libofetion would take it for the first element. */
    static void assertNoWhitespaceTextNodes(Element element) {
        for (Node node : element.content()) {
            if (node instanceof Text text) {
                assertFalse(text.getText().isBlank(), "whitespace text node in <" + element.getName() + ">");
            } else if (node instanceof Element child) {
                assertNoWhitespaceTextNodes(child);
            }
        }
    }

    static List<String> childNames(Element element) {
        return element.elements().stream().map(Element::getName).toList();
    }

    static void assertChildren(Element element, String... names) {
        assertEquals(List.of(names), childNames(element), "children of <" + element.getName() + ">");
    }

    static void assertAttributes(Element element, String... names) {
        for (String name : names) {
            assertNotNull(element.attributeValue(name), "<" + element.getName() + "> lacks " + name);
        }
    }

    static Element child(Element element, String name) {
        Element child = element.element(name);
        assertNotNull(child, "<" + element.getName() + "> lacks <" + name + ">");
        return child;
    }

    /** The first node of the element's content: libofetion's {@code xmlChildrenNode}. */
    static Node firstNode(Element element) {
        return element.content().isEmpty() ? null : element.content().get(0);
    }

    /** The node after {@code node} in its parent: libofetion's {@code node->next}. */
    static Node nextNode(Node node) {
        List<Node> siblings = node.getParent().content();
        int at = siblings.indexOf(node);
        return at + 1 < siblings.size() ? siblings.get(at + 1) : null;
    }
}
