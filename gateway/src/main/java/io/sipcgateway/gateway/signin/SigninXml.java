package io.sipcgateway.gateway.signin;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Compact XML documents for the sign-in answers, written with the JDK's {@link XMLStreamWriter} (which escapes):
 * the prolog of the real answers, then elements with no whitespace between them, because libofetion takes
 * {@code xmlChildrenNode} as the first element (section 7.3: {@code <user>} must be the first child).
 */
final class SigninXml {
    /** As in the real SSI answer (section 7.2 step 1). */
    static final String PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>";

    private SigninXml() {
    }

    /** Writes the document's elements; the prolog is already there. */
    @FunctionalInterface
    interface Body {
        void writeTo(XMLStreamWriter out) throws XMLStreamException;
    }

    static String document(Body body) {
        StringWriter text = new StringWriter(512).append(PROLOG);
        try {
            // newDefaultFactory: the JDK's own implementation, no service lookup, one factory per document
            XMLStreamWriter out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            body.writeTo(out);
            out.writeEndDocument(); // ends a pending empty root, which close() alone leaves open
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return text.toString();
    }

    /** {@code <name>text</name>}. */
    static void textElement(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    /** {@code <name version="v"/>}. */
    static void versionElement(XMLStreamWriter out, String name, String version) throws XMLStreamException {
        out.writeEmptyElement(name);
        out.writeAttribute("version", version);
    }
}
