package io.sipcgateway.mapping.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

import org.dom4j.Document;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.junit.jupiter.api.Test;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;

class SafeXmlTest {
    /** Generous bound for the hostile inputs; the measured times are printed and are far below 100 ms. */
    private static final Duration BOUND = Duration.ofSeconds(1);

    @Test
    void parsesWellFormedUtf8WithChineseAttributes() {
        byte[] xml = "<args><personal impresa=\"今天天气不错\"/></args>".getBytes(StandardCharsets.UTF_8);
        Document doc = ok(SafeXml.parse(xml));
        assertEquals("今天天气不错", doc.getRootElement().element("personal").attributeValue("impresa"));
    }

    @Test
    void parsesStringAndBytesAlike() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1\"><b>t</b></a>";
        assertEquals(SafeXml.compact(ok(SafeXml.parse(xml)).getRootElement()),
                SafeXml.compact(ok(SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8))).getRootElement()));
    }

    @Test
    void acceptsUtf8ByteOrderMark() {
        byte[] body = "\uFEFF<a/>".getBytes(StandardCharsets.UTF_8);
        assertEquals("a", ok(SafeXml.parse(body)).getRootElement().getName());
        assertEquals("a", ok(SafeXml.parse("\uFEFF<a/>")).getRootElement().getName());
    }

    @Test
    void rejectsXxeFileEntityQuickly() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
        assertRejectedQuickly("XXE file entity", Problem.MALFORMED, () -> SafeXml.parse(bytes(xxe)));
    }

    @Test
    void rejectsXxeHttpEntityQuickly() {
        String xxe = "<!DOCTYPE a [<!ENTITY x SYSTEM \"http://192.0.2.1:9/evil.dtd\">]><a>&x;</a>";
        assertRejectedQuickly("XXE http entity", Problem.MALFORMED, () -> SafeXml.parse(bytes(xxe)));
    }

    @Test
    void rejectsExternalDtdParameterEntityQuickly() {
        String xxe = "<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://192.0.2.1:9/p.dtd\"> %p;]><a/>";
        assertRejectedQuickly("XXE parameter entity", Problem.MALFORMED, () -> SafeXml.parse(xxe));
    }

    @Test
    void leavesXIncludeElementsUnprocessed() {
        String xi = "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\""
                + " parse=\"text\"/></a>";
        Element root = ok(SafeXml.parse(xi)).getRootElement();
        assertEquals("include", root.elements().get(0).getName());
        assertEquals("", root.getText());
    }

    @Test
    void rejectsBillionLaughsQuickly() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = dtd.append("]><lolz>&lol9;</lolz>").toString();
        assertRejectedQuickly("billion laughs", Problem.MALFORMED, () -> SafeXml.parse(bytes(bomb)));
    }

    @Test
    void rejectsTenMegabyteBodyBeforeParsing() {
        byte[] huge = new byte[10 * 1024 * 1024];
        byte[] head = bytes("<a>");
        System.arraycopy(head, 0, huge, 0, head.length);
        Arrays.fill(huge, head.length, huge.length, (byte) 'x');
        assertRejectedQuickly("10 MB body (bytes)", Problem.TOO_LARGE, () -> SafeXml.parse(huge));
        String text = new String(huge, StandardCharsets.US_ASCII);
        assertRejectedQuickly("10 MB body (string)", Problem.TOO_LARGE, () -> SafeXml.parse(text));
    }

    @Test
    void rejectsTenThousandDeepNestingQuicklyWithoutStackOverflow() {
        String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
        assertRejectedQuickly("10,000-deep nesting", Problem.TOO_LARGE, () -> SafeXml.parse(bytes(deep)));
    }

    @Test
    void acceptsNestingExactlyAtMaxDepth() {
        String atLimit = "<a>".repeat(SafeXml.MAX_DEPTH) + "</a>".repeat(SafeXml.MAX_DEPTH);
        assertTrue(SafeXml.parse(atLimit).isOk());
        String overLimit = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);
        assertEquals(Problem.TOO_LARGE, rejected(SafeXml.parse(overLimit)).problem());
    }

    @Test
    void reusesTheThreadsParserSafelyAfterEveryKindOfRejection() {
        String good = "<args><presence><basic value=\"400\"/></presence></args>";
        String deep = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);
        String[] hostile = {deep, "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>", "<a><b></a>",
            "<a>"};
        for (String bad : hostile) {
            assertTrue(!SafeXml.parse(bad).isOk(), bad);
            assertEquals("args", ok(SafeXml.parse(good)).getRootElement().getName(), "after " + bad);
        }
        String atLimit = "<a>".repeat(SafeXml.MAX_DEPTH) + "</a>".repeat(SafeXml.MAX_DEPTH);
        assertTrue(SafeXml.parse(deep).toOptional().isEmpty());
        assertTrue(SafeXml.parse(atLimit).isOk(), "depth count restarts with each document");
    }

    @Test
    void keepsParsingCorrectlyAcrossParserRecycling() {
        String big = "<list>" + "<resource uri=\"sip:buddy@fetion.com.cn\"/>".repeat(5_000) + "</list>";
        long rounds = SafeXml.RECYCLE_AFTER_BYTES / big.length() + 2;
        for (long i = 0; i < rounds; i++) {
            assertEquals(5_000, ok(SafeXml.parse(big)).getRootElement().elements().size());
        }
    }

    @Test
    void rejectsInvalidUtf8AsMalformed() {
        byte[] latin1 = "<a>caf\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
        BodyResult.Rejected<Document> r = rejected(SafeXml.parse(latin1));
        assertEquals(Problem.MALFORMED, r.problem());
        assertTrue(r.detail().contains("UTF-8"), r.detail());
    }

    @Test
    void rejectsGarbageAsMalformedWithPosition() {
        BodyResult.Rejected<Document> r = rejected(SafeXml.parse(bytes("<a><b></a>")));
        assertEquals(Problem.MALFORMED, r.problem());
        assertTrue(r.detail().contains("line 1"), r.detail());
        assertEquals(Problem.MALFORMED, rejected(SafeXml.parse(new byte[] {0, 1, 2, (byte) 0xC3, 0x28})).problem());
        assertEquals(Problem.MALFORMED, rejected(SafeXml.parse("not xml at all")).problem());
    }

    @Test
    void rejectsEmptyBodyAsMissing() {
        assertEquals(Problem.MISSING, rejected(SafeXml.parse(new byte[0])).problem());
        assertEquals(Problem.MISSING, rejected(SafeXml.parse(" \r\n")).problem());
    }

    @Test
    void rejectsDeclaredNonUtf8CharsetAsUnsupported() {
        String gbk = "<?xml version=\"1.0\" encoding=\"GB2312\"?><a/>";
        assertEquals(Problem.UNSUPPORTED, rejected(SafeXml.parse(bytes(gbk))).problem());
        assertTrue(SafeXml.parse("<?xml version='1.0' encoding='utf-8'?><a/>").isOk());
    }

    @Test
    void compactDropsWhitespaceTextNodesButKeepsTextExactly() {
        String pretty = "<events>\r\n  <event type=\"x\">\r\n    <note>  two  spaces </note>\r\n  </event>\r\n"
                + "</events>";
        Element root = ok(SafeXml.parse(pretty)).getRootElement();
        assertEquals("<events><event type=\"x\"><note>  two  spaces </note></event></events>", SafeXml.compact(root));
    }

    @Test
    void compactEscapesQuotesAngleBracketsAmpersandsAndKeepsChinese() {
        Element root = DocumentHelper.createElement("personal");
        root.addAttribute("impresa", "say \"hi\" & 'bye' <b> 你好");
        root.addText("a < b && c > d \"q\" 宋体");
        String xml = SafeXml.compact(root);
        assertEquals("<personal impresa=\"say &quot;hi&quot; &amp; &apos;bye&apos; &lt;b&gt; 你好\">"
                + "a &lt; b &amp;&amp; c &gt; d \"q\" 宋体</personal>", xml);
        Element back = ok(SafeXml.parse(xml)).getRootElement();
        assertEquals(root.attributeValue("impresa"), back.attributeValue("impresa"));
        assertEquals(root.getText(), back.getText());
    }

    @Test
    void compactWritesEachNamespaceDeclarationOnce() {
        Namespace pidf = Namespace.get("urn:ietf:params:xml:ns:pidf");
        Namespace rpid = Namespace.get("rpid", "urn:ietf:params:xml:ns:pidf:rpid");
        Element root = DocumentHelper.createElement(QName.get("presence", pidf));
        root.addElement(QName.get("tuple", pidf)).addElement(QName.get("status", pidf));
        root.addElement(QName.get("activities", rpid)).addElement(QName.get("away", rpid));
        assertEquals("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"><tuple><status/></tuple>"
                + "<rpid:activities xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\"><rpid:away/></rpid:activities>"
                + "</presence>", SafeXml.compact(root));
    }

    @Test
    void compactClosesEmptyElementsInTheRequestedStyle() {
        Element root = DocumentHelper.createElement("args");
        root.addElement("basic").addAttribute("value", "400");
        assertEquals("<args><basic value=\"400\" /></args>", SafeXml.compact(root, EmptyTagStyle.SPACED));
        assertEquals("<args><basic value=\"400\"/></args>", SafeXml.compact(root, EmptyTagStyle.COMPACT));
    }

    @Test
    void compactDropsCharactersXmlForbids() {
        Element root = DocumentHelper.createElement("a");
        root.addAttribute("v", "x\u0001y\u0000z");
        assertEquals("<a v=\"xyz\"/>", SafeXml.compact(root));
    }

    /** Times a first call (may include class loading) and a second one; both must reject within {@link #BOUND}. */
    private static void assertRejectedQuickly(String what, Problem expected, Supplier<BodyResult<Document>> parse) {
        long start = System.nanoTime();
        BodyResult<Document> first = parse.get();
        long firstNanos = System.nanoTime() - start;
        start = System.nanoTime();
        BodyResult<Document> second = parse.get();
        long secondNanos = System.nanoTime() - start;
        System.out.printf("SafeXmlTest timing: %-24s first %7.2f ms, repeat %7.2f ms -> %s%n", what,
                firstNanos / 1e6, secondNanos / 1e6, second);
        assertEquals(expected, rejected(first).problem());
        assertEquals(expected, rejected(second).problem());
        assertTrue(firstNanos < BOUND.toNanos(), what + " took " + firstNanos / 1_000_000 + " ms");
        assertTrue(secondNanos < BOUND.toNanos(), what + " took " + secondNanos / 1_000_000 + " ms");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Document ok(BodyResult<Document> result) {
        BodyResult.Ok<?> ok = assertInstanceOf(BodyResult.Ok.class, result, result::toString);
        return (Document) ok.value();
    }

    @SuppressWarnings("unchecked")
    private static BodyResult.Rejected<Document> rejected(BodyResult<Document> result) {
        return assertInstanceOf(BodyResult.Rejected.class, result, result::toString);
    }
}
