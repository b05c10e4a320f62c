package io.sipcgateway.gateway.legacy.auth;

import java.io.ByteArrayInputStream;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.io.SAXReader;
import org.xml.sax.SAXException;

/**
 * Parses client XML with DTDs refused outright: {@code SAXReader.createDefault()} (external entities off) plus
 * {@code disallow-doctype-decl}, so neither XXE nor entity expansion can happen. dom4j's {@code new SAXReader()} has
 * neither. A reader is not thread-safe, so each parse makes its own.
 */
final class SafeXml {
    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private SafeXml() {
    }

    static SAXReader newReader() {
        SAXReader reader = SAXReader.createDefault();
        try {
            reader.setFeature(DISALLOW_DOCTYPE, true);
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's Xerces supports " + DISALLOW_DOCTYPE, e);
        }
        return reader;
    }

    static ParseResult<Document> parse(byte[] xml) {
        try {
            return ParseResult.ok(newReader().read(new ByteArrayInputStream(xml)));
        } catch (DocumentException e) {
            return ParseResult.malformed("not well-formed XML: " + e.getMessage());
        }
    }
}
