package io.sipcgateway.mapping.xml;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Stops the parse at the first start tag deeper than the limit. The SAX parser keeps its element stack on the heap,
 * so a 10,000-deep document is refused after {@code limit + 1} start tags, before dom4j builds anything deep.
 * Reusable: the count restarts at every start of document.
 */
final class DepthLimitFilter extends XMLFilterImpl {
    private final int limit;
    private int depth;

    DepthLimitFilter(int limit) {
        this.limit = limit;
    }

    @Override
    public void startDocument() throws SAXException {
        depth = 0;                  // the filter is reused with its parser; a refused document left depth high
        super.startDocument();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (++depth > limit) {
            throw new TooDeepException(limit);
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        depth--;
        super.endElement(uri, localName, qName);
    }

    /** Raised through the SAX pipeline so {@link SafeXml} can tell a depth breach from a syntax error. */
    static final class TooDeepException extends SAXException {
        TooDeepException(int limit) {
            super("element nesting deeper than " + limit);
        }
    }
}
