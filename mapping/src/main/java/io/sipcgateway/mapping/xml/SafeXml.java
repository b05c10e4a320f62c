package io.sipcgateway.mapping.xml;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;

import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXParseException;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;

/**
 * The one place the project parses XML (STYLE 5.7). Legacy {@code <args>} bodies and core-side PIDF come from
 * untrusted peers, so every parse is hardened:
 *
 * <table>
 *   <caption>Limits and refusals</caption>
 *   <tr><th>check</th><th>when</th><th>result</th></tr>
 *   <tr><td>{@link #MAX_BYTES}</td><td>before parsing (UTF-8 length)</td><td>{@link Problem#TOO_LARGE}</td></tr>
 *   <tr><td>strict UTF-8, declared charset UTF-8/US-ASCII</td><td>before parsing</td>
 *       <td>{@link Problem#MALFORMED} / {@link Problem#UNSUPPORTED}</td></tr>
 *   <tr><td>any {@code <!DOCTYPE>} (XXE, billion laughs)</td><td>at the DOCTYPE</td><td>MALFORMED</td></tr>
 *   <tr><td>{@link #MAX_DEPTH}</td><td>while parsing, per start tag</td><td>TOO_LARGE</td></tr>
 * </table>
 *
 * <p>The reader is dom4j's {@link SAXReader#createDefault()} (not {@code new SAXReader()}, which resolves external
 * entities) with {@code disallow-doctype-decl} on, external general and parameter entities off, external DTD
 * loading off, XInclude off, JAXP secure processing on, and an entity resolver that refuses. A feature the
 * parser does not accept is a deployment bug and fails loudly rather than parsing unprotected.
 *
 * <p>Creating a hardened parser costs ~10 times a small parse, so each thread keeps one and reuses it (a cache, not
 * state: Xerces resets itself at every parse, the depth filter at every start of document). It is replaced after
 * {@link #RECYCLE_AFTER_BYTES} of input, so nothing a parser retains between documents (Xerces' symbol table) grows
 * without bound, and a parse started from within another on the same thread gets a fresh parser.
 */
public final class SafeXml {
    /** Largest body parsed: 256 KiB, far above any SIP-C {@code <args>} or PIDF document. */
    public static final int MAX_BYTES = 256 * 1024;
    /** Deepest element nesting accepted; the deepest real body (v2 BN presence) is 5. */
    public static final int MAX_DEPTH = 32;

    /** Input parsed by one cached parser before it is replaced. */
    static final long RECYCLE_AFTER_BYTES = 4L * 1024 * 1024;

    private static final ThreadLocal<CachedReader> CACHE = ThreadLocal.withInitial(CachedReader::new);
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    private static final String XINCLUDE = "http://apache.org/xml/features/xinclude";
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("\\A<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

    private SafeXml() {
    }

    /** Parses a UTF-8 body (a leading byte-order mark is allowed). Never throws for bad input. */
    public static BodyResult<Document> parse(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length > MAX_BYTES) {
            return tooLarge(xml.length);
        }
        int offset = xml.length >= 3 && xml[0] == (byte) 0xEF && xml[1] == (byte) 0xBB && xml[2] == (byte) 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(xml, offset, xml.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return BodyResult.rejected(Problem.MALFORMED, "body is not valid UTF-8: " + e.getMessage());
        }
        return parseChecked(text);
    }

    /** Parses a body already decoded to text. Never throws for bad input. */
    public static BodyResult<Document> parse(String xml) {
        Objects.requireNonNull(xml, "xml");
        if (utf8Length(xml) > MAX_BYTES) {
            return BodyResult.rejected(Problem.TOO_LARGE,
                    "body of " + xml.length() + " characters exceeds " + MAX_BYTES + " bytes in UTF-8");
        }
        return parseChecked(xml);
    }

    /**
     * Parses {@code xml} and checks that its root element is one of {@code localNames} in {@code namespaceUri}
     * ({@code ""} for SIP-C bodies, which have no namespace). Another root is {@link Problem#UNSUPPORTED}.
     */
    public static BodyResult<Element> parseRoot(byte[] xml, String namespaceUri, String... localNames) {
        return parse(xml).flatMap(doc -> {
            Element root = doc.getRootElement();
            for (String name : localNames) {
                if (Elements.is(root, namespaceUri, name)) {
                    return BodyResult.ok(root);
                }
            }
            String ns = root.getNamespaceURI().isEmpty() ? "" : "{" + root.getNamespaceURI() + "}";
            String want = namespaceUri.isEmpty() ? "" : "{" + namespaceUri + "}";
            return BodyResult.rejected(Problem.UNSUPPORTED, "root element " + ns + root.getName()
                    + ", expected " + want + String.join(" or ", localNames));
        });
    }

    /** The element as one line of XML: no declaration, no whitespace-only text nodes, {@code <a/>} for empty. */
    public static String compact(Element root) {
        return CompactWriter.write(Objects.requireNonNull(root, "root"), EmptyTagStyle.COMPACT);
    }

    /** As {@link #compact(Element)}, closing empty elements in the given style. */
    public static String compact(Element root, EmptyTagStyle style) {
        return CompactWriter.write(Objects.requireNonNull(root, "root"), Objects.requireNonNull(style, "style"));
    }

    private static BodyResult<Document> parseChecked(String xml) {
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        if (text.isBlank()) {
            return BodyResult.rejected(Problem.MISSING, "body is empty, expected an XML document");
        }
        Matcher declared = DECLARED_ENCODING.matcher(text);
        if (declared.lookingAt()) {
            String charset = declared.group(1).toUpperCase(Locale.ROOT);
            if (!charset.equals("UTF-8") && !charset.equals("UTF8") && !charset.equals("US-ASCII")) {
                return BodyResult.rejected(Problem.UNSUPPORTED,
                        "declared encoding '" + declared.group(1) + "'; only UTF-8 bodies are accepted");
            }
        }
        CachedReader cached = CACHE.get();
        if (cached.inUse) {
            return read(newReader(), text);
        }
        cached.inUse = true;
        try {
            if (cached.reader == null || cached.charsRead > RECYCLE_AFTER_BYTES) {
                cached.reader = newReader();
                cached.charsRead = 0;
            }
            cached.charsRead += text.length();
            return read(cached.reader, text);
        } catch (RuntimeException e) {
            cached.reader = null;            // a bug, not bad input: never reuse a parser left in an unknown state
            throw e;
        } finally {
            cached.inUse = false;
        }
    }

    private static BodyResult<Document> read(SAXReader reader, String text) {
        try {
            return BodyResult.ok(reader.read(new InputSource(new StringReader(text))));
        } catch (DocumentException e) {
            return rejection(e);
        }
    }

    private static SAXReader newReader() {
        SAXReader reader = SAXReader.createDefault();
        reader.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
        });
        reader.setXMLFilter(new DepthLimitFilter(MAX_DEPTH));
        reader.setMergeAdjacentText(true);
        reader.setIgnoreComments(true);
        try {
            reader.setFeature(DISALLOW_DOCTYPE, true);
            reader.setFeature(EXTERNAL_GENERAL, false);
            reader.setFeature(EXTERNAL_PARAMETER, false);
            reader.setFeature(LOAD_EXTERNAL_DTD, false);
            reader.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (SAXException e) {
            throw new IllegalStateException("XML parser rejects a hardening feature; refusing to parse", e);
        }
        disableXInclude(reader);
        return reader;
    }

    /** XInclude is off by default in JAXP; switch it off explicitly wherever the parser knows the feature. */
    private static void disableXInclude(SAXReader reader) {
        try {
            reader.setFeature(XINCLUDE, false);
        } catch (SAXNotRecognizedException e) {
            return;                          // this parser cannot process XInclude at all: nothing to switch off
        } catch (SAXException e) {
            throw new IllegalStateException("XML parser refuses to switch XInclude off", e);
        }
    }

    private static BodyResult<Document> rejection(DocumentException e) {
        Throwable cause = e;
        SAXParseException position = null;
        while (cause != null) {
            if (cause instanceof DepthLimitFilter.TooDeepException) {
                return BodyResult.rejected(Problem.TOO_LARGE, cause.getMessage() + " (MAX_DEPTH)");
            }
            if (cause instanceof SAXParseException parse && position == null) {
                position = parse;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String where = position == null ? "" : " at line " + position.getLineNumber()
                + ", column " + position.getColumnNumber();
        String why = position != null ? position.getMessage() : e.getMessage();
        return BodyResult.rejected(Problem.MALFORMED, "not well-formed XML" + where + ": " + why);
    }

    private static BodyResult<Document> tooLarge(int bytes) {
        return BodyResult.rejected(Problem.TOO_LARGE, "body of " + bytes + " bytes exceeds " + MAX_BYTES);
    }

    /** One thread's reusable parser. */
    private static final class CachedReader {
        private SAXReader reader;
        private long charsRead;
        private boolean inUse;
    }

    /** The UTF-8 length of {@code s}, counted only until it passes {@link #MAX_BYTES}. */
    private static int utf8Length(String s) {
        int n = s.length();
        if (n > MAX_BYTES) {
            return n;
        }
        int bytes = 0;
        for (int i = 0; i < n && bytes <= MAX_BYTES; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
