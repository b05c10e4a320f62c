package io.sipcgateway.mapping.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void escapesAttributesSoTheyParseBackExactly() {
        assertEquals("&quot;a&quot; &apos;b&apos; &lt;c&gt; &amp; &#9;&#10;&#13;",
                XmlText.escapeAttribute("\"a\" 'b' <c> & \t\n\r"));
    }

    @Test
    void escapesTextMinimallyAndKeepsQuotesAndNewlines() {
        assertEquals("\"a\" 'b' &lt;c&gt; &amp; \t\n&#13;", XmlText.escapeText("\"a\" 'b' <c> & \t\n\r"));
    }

    @Test
    void unescapesPredefinedAndNumericReferencesIncludingSupplementaryCharacters() {
        assertEquals("<>&\"' 你 😀", XmlText.unescape("&lt;&gt;&amp;&quot;&apos; &#20320; &#x1F600;"));
    }

    @Test
    void keepsUnknownOrInvalidReferencesLiterally() {
        assertEquals("&nbsp; &#0; &#xZZ; &; & alone &#1114112;",
                XmlText.unescape("&nbsp; &#0; &#xZZ; &; & alone &#1114112;"));
    }

    @Test
    void dropsCharactersXmlForbidsAndKeepsSurrogatePairs() {
        assertEquals("ab😀", XmlText.escapeText("a\u0000\u0008b\uFFFE\uD800😀"));
        assertTrue(XmlText.isXmlChar(0x1F600));
        assertFalse(XmlText.isXmlChar(0xD800));
    }
}
