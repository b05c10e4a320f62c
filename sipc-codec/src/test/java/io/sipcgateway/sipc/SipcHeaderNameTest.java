package io.sipcgateway.sipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SipcHeaderNameTest {

    static List<SipcHeaderName> known() {
        return SipcHeaderName.KNOWN;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("known")
    void findsEveryKnownNameByEitherSpellingInAnyCase(SipcHeaderName name) {
        assertSame(name, SipcHeaderName.of(name.compact()));
        assertSame(name, SipcHeaderName.of(name.compact().toLowerCase(Locale.ROOT)));
        assertSame(name, SipcHeaderName.of(name.longName()));
        assertSame(name, SipcHeaderName.of(name.longName().toUpperCase(Locale.ROOT)));
        assertSame(name, SipcHeaderName.forCompact(name.compact()));
    }

    @Test
    void keepsUnknownNamesAsSeenAndComparesThemIgnoringCase() {
        SipcHeaderName ext = SipcHeaderName.of("Zq");
        assertFalse(ext.isKnown());
        assertEquals("Zq", ext.compact());
        assertEquals(SipcHeaderName.of("ZQ"), ext);
        assertEquals(SipcHeaderName.of("ZQ").hashCode(), ext.hashCode());
        assertNotSame(SipcHeaderName.of("ZQ"), ext);
    }

    @Test
    void forLettersIsNullForNonLettersAndUnknownPairs() {
        assertNull(SipcHeaderName.forLetters('[', 0));
        assertNull(SipcHeaderName.forLetters('Z', 'Z'));
        assertNull(SipcHeaderName.forLetters('1', 0));
        assertSame(SipcHeaderName.MESSAGE_ID, SipcHeaderName.forLetters('x', 'I'));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "F:", "na\u00efve", "x\r\n"})
    void rejectsNamesThatAreNotTokens(String bad) {
        assertThrows(IllegalArgumentException.class, () -> SipcHeaderName.of(bad));
    }
}
