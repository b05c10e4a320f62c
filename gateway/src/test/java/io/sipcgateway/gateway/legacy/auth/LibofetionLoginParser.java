package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.dom4j.Element;
import org.dom4j.Node;

/**
 * Walks a v4 login answer as libofetion 2.2.2 {@code parse_sipc_auth_response()} does (OF {@code fetion_login.c}),
 * failing wherever the C code would dereference NULL, overflow a {@code User} buffer, or loop forever.
 */
public final class LibofetionLoginParser {
    private LibofetionLoginParser() {
    }

    public static void assertParses(Element results) {
        Node first = XmlShape.firstNode(results);                                 // rootnode->xmlChildrenNode
        Element client = assertInstanceOf(Element.class, first, "first node of <results>");
        assertEquals("client", client.getName());
        assertFits(client, "public-ip", 17);                                       // strcpy, char[17] (oldest build)
        assertFits(client, "last-login-ip", 17);
        assertFits(client, "last-login-time", 48);
        Element userInfo = assertInstanceOf(Element.class, XmlShape.nextNode(client), "node after <client>");
        assertEquals("user-info", userInfo.getName());
        Element personal = assertInstanceOf(Element.class, XmlShape.firstNode(userInfo), "first node of user-info");
        assertFits(personal, "version", 16);                                       // parse_personal_info()
        optionalFits(personal, "sid", 11);
        optionalFits(personal, "mobile-no", 13);
        optionalFits(personal, "nickname", 48);
        optionalFits(personal, "impresa", 256);
        String region = personal.attributeValue("carrier-region");
        if (region != null) {                                                      // three strstr(pos, ".")
            String[] parts = region.split("\\.", -1);
            assertTrue(parts.length >= 4, "carrier-region needs three dots: " + region);
            for (int i = 0; i < 3; i++) {
                assertTrue(parts[i].length() < 6, "carrier-region part too long for char[6]: " + region);
            }
        }
        Element customConfig = find(userInfo, "custom-config");                    // xml_goto_node()
        assertFits(customConfig, "version", 16);
        Element contactList = find(userInfo, "contact-list");
        assertFits(contactList, "version", 16);
        for (Node node : find(contactList, "buddy-lists").content()) {            // node2 = node1->xmlChildrenNode
            Element list = assertInstanceOf(Element.class, node, "buddy-list node");
            assertNotNull(list.attributeValue("id"), "buddy-list id");
            assertNotNull(list.attributeValue("name"), "buddy-list name");
        }
        Set<String> userIds = new HashSet<>();
        for (Node node : find(contactList, "buddies").content()) {
            Element buddy = assertInstanceOf(Element.class, node, "buddy node");
            String id = buddy.attributeValue("i");
            if (id != null) {                                                      // a repeated i never advances
                assertTrue(userIds.add(id), "user-id " + id + " twice in <buddies>");
            }
        }
        Element chatFriends = findOrNull(userInfo, "chat-friends");
        if (chatFriends != null) {                                                 // parse_stranger_list()
            for (Node node : chatFriends.content()) {
                Element friend = assertInstanceOf(Element.class, node, "chat-friends node");
                assertNotNull(friend.attributeValue("i"));
                assertNotNull(friend.attributeValue("u"));
            }
        }
    }

    private static void assertFits(Element element, String attribute, int buffer) {
        String value = element.attributeValue(attribute);
        assertNotNull(value, "<" + element.getName() + "> lacks " + attribute + " (strcpy of NULL)");
        assertTrue(value.getBytes(StandardCharsets.UTF_8).length < buffer,
                attribute + " overflows char[" + buffer + "]: " + value);
    }

    private static void optionalFits(Element element, String attribute, int buffer) {
        if (element.attributeValue(attribute) != null) {
            assertFits(element, attribute, buffer);
        }
    }

    private static Element find(Element from, String name) {
        Element found = findOrNull(from, name);
        assertNotNull(found, "no <" + name + "> below <" + from.getName() + ">");
        return found;
    }

    /** libofetion {@code xml_goto_node()}: depth-first, first match. */
    private static Element findOrNull(Element from, String name) {
        for (Element child : from.elements()) {
            if (child.getName().equals(name)) {
                return child;
            }
            Element below = findOrNull(child, name);
            if (below != null) {
                return below;
            }
        }
        return null;
    }
}
