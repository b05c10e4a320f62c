package io.sipcgateway.sipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Versions, status codes, CSeq and Content-Length values. */
class SipcValuesTest {

    @Test
    void parsesKnownVersionsToTheirConstantsAndKeepsOthers() {
        assertSame(SipcVersion.V2, SipcVersion.tryParse("SIP-C/2.0").orElseThrow());
        assertSame(SipcVersion.V4, SipcVersion.tryParse("SIP-C/4.0").orElseThrow());
        assertEquals("SIP-C/3.0", SipcVersion.tryParse("SIP-C/3.0").orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIP/2.0", "SIP-C/4", "SIP-C/x.0", "sip-c/4.0", "SIP-C/4.0.1", "SIP-C/.0", "SIP-C/100.0"})
    void rejectsWhatIsNotASipcVersion(String text) {
        assertEquals(Optional.empty(), SipcVersion.tryParse(text));
    }

    @Test
    void spellsV4UnauthorizedTheWayV4ClientsMatchIt() {
        assertEquals("Unauthoried", SipcStatus.of(401, SipcVersion.V4).reason());
        assertEquals("Unauthorized", SipcStatus.of(401, SipcVersion.V2).reason());
        assertEquals("Send SMS OK", SipcStatus.of(280).reason());
        assertEquals("Client Error", SipcStatus.of(499).reason());
        assertThrows(IllegalArgumentException.class, () -> new SipcStatus(99, "x"));
    }

    @Test
    void parsesCSeqWithCompactMethod() {
        assertEquals(new SipcCSeq(200002, SipcMethod.I), SipcCSeq.tryParse("200002 I").orElseThrow());
        assertEquals(new SipcCSeq(2, SipcMethod.BN), SipcCSeq.tryParse(" 2 BN ").orElseThrow());
        assertFalse(SipcCSeq.tryParse("BN 2").isPresent());
        assertFalse(SipcCSeq.tryParse("-1 R").isPresent());
    }

    @Test
    void parsesContentLengthAndSlices() {
        assertEquals(new SipcContentLength(191, SipcContentLength.NO_SLICE),
                SipcContentLength.tryParse("191").orElseThrow());
        SipcContentLength slice = SipcContentLength.tryParse("64240;p=0").orElseThrow();
        assertTrue(slice.isSlice());
        assertEquals("64240;p=0", slice.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1e3", "12abc", "1.5", "5;p=", "5;q=1", "5;p=x", "+3"})
    void rejectsMalformedContentLength(String value) {
        assertFalse(SipcContentLength.tryParse(value).isPresent());
    }

    @Test
    void extensionMethodsAreKeptAndCompareByToken() {
        SipcMethod neg = SipcMethod.of("NEG");
        assertFalse(neg.isKnown());
        assertEquals(SipcMethod.of("NEG"), neg);
        assertSame(SipcMethod.SUB, SipcMethod.of("SUB"));
        assertThrows(IllegalArgumentException.class, () -> SipcMethod.of("M@"));
    }

    @Test
    void bodyCountsUtf8Bytes() {
        assertEquals(6, SipcBody.ofUtf8("你好").length());
        byte[] bytes = {1, 2};
        SipcBody body = SipcBody.of(bytes);
        bytes[0] = 9;
        assertEquals(1, body.bytes()[0], "of() copies");
    }
}
