package io.sipcgateway.mapping.im;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sipcgateway.mapping.TestInputs;

class FontMarkupTest {

    @Test
    void stripsTheFontOfSample62() {
        assertEquals("a", FontMarkup.toPlainText(TestInputs.sampleBody("62-v2-message-out-html.txt").utf8()));
    }

    @Test
    void stripsTheFontOfSample67() {
        assertEquals("a", FontMarkup.toPlainText(TestInputs.sampleBody("67-v2-message-incoming.txt").utf8()));
    }

    @Test
    void joinsTheTwoFontRunsOfSeed003() {
        assertEquals("hello! 你好", FontMarkup.toPlainText(TestInputs.utf8("seeds/003-font-body.txt")));
    }

    @Test
    void wrapsPlainTextByteForByteAsTheOfficialClientDoes() {
        assertEquals(TestInputs.sampleBody("62-v2-message-out-html.txt").utf8(), FontMarkup.toFragment("a"));
    }

    @Test
    void unescapesEntitiesAndCharacterReferences() {
        assertEquals("a <b> & \"c\" 'd' 你 &nbsp; & x",
                FontMarkup.toPlainText("<Font Face='宋体' Color='-16777216' Size='10.5'>a &lt;b&gt; &amp; &quot;c&quot;"
                        + " &apos;d&apos; &#20320; &nbsp; & x</Font>"));
    }

    @Test
    void doesNotStripMarkupThatWasEscapedText() {
        assertEquals("<Font Face='x'>", FontMarkup.toPlainText("<Font>&lt;Font Face='x'&gt;</Font>"));
    }

    @Test
    void toleratesAnyCaseNestingAndMissingOrUnclosedTags() {
        assertEquals("bold", FontMarkup.toPlainText("<font face=\"x\"><B>bold</b></FONT>"));
        assertEquals("no close", FontMarkup.toPlainText("<Font Face='宋体' Size='10.5'>no close"));
        assertEquals("no open", FontMarkup.toPlainText("no open</Font>"));
        assertEquals("ab", FontMarkup.toPlainText("ab<Font Face='x"));
        assertEquals("a>b", FontMarkup.toPlainText("<Font Face='a>b'>a&gt;b</Font>"));
        assertEquals("line1\nline2", FontMarkup.toPlainText("<Font>line1<br/>line2</Font>"));
    }

    @Test
    void keepsLoneAngleBracketsAndUnknownTagsAsText() {
        assertEquals("a < b <3 <fontx> <img src=x>", FontMarkup.toPlainText("a < b <3 <fontx> <img src=x>"));
    }

    @Test
    void escapesWhenWrappingAndDropsCharactersXmlForbids() {
        assertEquals("<Font Face='宋体' Color='-16777216' Size='10.5'>x &lt;y&gt; &amp; 'z' \"q\"\r\nok</Font>",
                FontMarkup.toFragment("x <y> & 'z' \"q\"\r\nok\u0000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "你好，世界", "<Font>not markup</Font>", "a & b; &amp; c", "line\r\nbreak", "😀"})
    void roundTripsPlainText(String text) {
        assertEquals(text, FontMarkup.toPlainText(FontMarkup.toFragment(text)));
    }
}
