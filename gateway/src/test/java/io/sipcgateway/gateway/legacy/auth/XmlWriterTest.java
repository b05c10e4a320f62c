package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class XmlWriterTest {
    @Test
    void writesCompactXmlWithSelfClosingEmptyElements() {
        String xml = new XmlWriter().start("results").start("a").attr("x", "1").end().empty("b")
                .start("c").text("t").end().end().toXml();
        assertEquals("<results><a x=\"1\"/><b/><c>t</c></results>", xml);
    }

    @Test
    void escapesAttributeValuesSoTheyParseBackUnchanged() {
        String tricky = "a<b>&\"c'\td\ne\rf";
        Element root = XmlShape.parse(new XmlWriter().start("r").attr("v", tricky).end().toXml());
        assertEquals(tricky, root.attributeValue("v"));
    }

    @Test
    void escapesTextSoItParsesBackUnchanged() {
        String tricky = "x < y && \"z\" > 'w'\r\n";
        Element root = XmlShape.parse(new XmlWriter().start("r").text(tricky).end().toXml());
        assertEquals(tricky, root.getText());
    }

    @Test
    void keepsNonAsciiText() {
        String name = "我的好友";
        Element root = XmlShape.parse(new XmlWriter().start("r").attr("n", name).end().toXml());
        assertEquals(name, root.attributeValue("n"));
    }

    @Test
    void refusesCharactersXmlCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new XmlWriter().start("r").attr("v", "\u0001"));
    }

    @Test
    void refusesUnclosedElementsAndStrayAttributes() {
        assertThrows(IllegalStateException.class, () -> new XmlWriter().start("r").toXml());
        assertThrows(IllegalStateException.class, () -> new XmlWriter().start("r").text("t").attr("a", "b"));
    }
}
