package io.sipcgateway.sipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SipcHeadersTest {

    @Test
    void keepsOrderAndRepeatsAndLooksUpBothSpellings() {
        SipcHeaders headers = SipcHeaders.of("K", "text/plain", "I", "3", "K", "SaveHistory");
        assertEquals(List.of("text/plain", "SaveHistory"), headers.all(SipcHeaderName.of("Supported")));
        assertEquals("3", headers.first(SipcHeaderName.of("call-id")).orElseThrow());
        assertEquals("K", headers.get(2).name().compact());
    }

    @Test
    void setReplacesAllValuesAtTheFirstPosition() {
        SipcHeaders headers = SipcHeaders.of("F", "1", "K", "a", "I", "2", "K", "b").toBuilder()
                .set(SipcHeaderName.SUPPORTED, "c").build();
        assertEquals(SipcHeaders.of("F", "1", "K", "c", "I", "2"), headers);
    }

    @Test
    void toBuilderLeavesTheOriginalUnchanged() {
        SipcHeaders original = SipcHeaders.of("F", "1");
        original.toBuilder().add("I", "2").remove(SipcHeaderName.FROM).build();
        assertEquals(SipcHeaders.of("F", "1"), original);
        assertTrue(SipcHeaders.EMPTY.asList().isEmpty());
    }

    @Test
    void strictBuilderRejectsValuesThatWouldSplitAMessage() {
        SipcHeaders.Builder builder = SipcHeaders.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.add("T", "sip:1\r\nF: 2"));
        assertThrows(IllegalArgumentException.class, () -> builder.add("T", "a\u0000b"));
    }

    @Test
    void builderTrimsValues() {
        assertEquals("17", SipcHeaders.of("I", " 17 ").first(SipcHeaderName.CALL_ID).orElseThrow());
    }
}
