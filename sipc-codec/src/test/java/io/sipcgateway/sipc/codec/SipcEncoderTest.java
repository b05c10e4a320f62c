package io.sipcgateway.sipc.codec;

import static io.sipcgateway.sipc.codec.SipcDecoderTest.encode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SipcEncoderTest {

    @AfterAll
    static void noBufferLeaked() {
        LeakRecorder.assertNoLeaks();
    }

    @Test
    void computesLengthFromBodyBytesIgnoringTheStatedValue() {
        SipcRequest request = new SipcRequest(SipcMethod.M, "fetion.com.cn", SipcVersion.V4,
                SipcHeaders.of("F", "916000001", "L", "999"), SipcBody.ofUtf8("你好"));
        assertEquals("M fetion.com.cn SIP-C/4.0\r\nF: 916000001\r\nL: 6\r\n\r\n你好", text(request));
    }

    @Test
    void appendsLengthWhenMissingAndOmitsItForNoBody() {
        SipcResponse withBody = new SipcResponse(SipcVersion.V2, SipcStatus.OK, SipcHeaders.of("I", "1"),
                SipcBody.ofUtf8("<results/>"));
        assertEquals("SIP-C/2.0 200 OK\r\nI: 1\r\nL: 10\r\n\r\n<results/>", text(withBody));
        SipcResponse empty = new SipcResponse(SipcVersion.V2, SipcStatus.OK, SipcHeaders.of("I", "1"),
                SipcBody.EMPTY);
        assertEquals("SIP-C/2.0 200 OK\r\nI: 1\r\n\r\n", text(empty));
    }

    @Test
    void movesSingleLettersBeforeLongerNamesEndingInThem() {
        // libofetion's strstr("I: ") would otherwise find "XI: " first (section 1.2).
        SipcRequest request = new SipcRequest(SipcMethod.M, "916000001", SipcVersion.V4,
                SipcHeaders.of("XI", "9f", "F", "sip:916000002@fetion.com.cn;p=1", "I", "-3", "AL", "buddy",
                        "CN", "AB", "N", "x", "L", "1"), SipcBody.ofUtf8("a"));
        assertEquals("M 916000001 SIP-C/4.0\r\nI: -3\r\nXI: 9f\r\nF: sip:916000002@fetion.com.cn;p=1\r\nL: 1\r\n"
                + "AL: buddy\r\nN: x\r\nCN: AB\r\n\r\na", text(request));
    }

    @Test
    void writesCompactNamesForLongSpellings() {
        SipcRequest request = new SipcRequest(SipcMethod.R, "fetion.com.cn", SipcVersion.V2,
                SipcHeaders.of("From", "1", "Call-ID", "2", "CSeq", "1 R", "Expires", "0"), SipcBody.EMPTY);
        assertEquals("R fetion.com.cn SIP-C/2.0\r\nF: 1\r\nI: 2\r\nQ: 1 R\r\nX: 0\r\n\r\n", text(request));
    }

    @Test
    void neverWritesASlice() {
        SipcResponse slice = new SipcResponse(SipcVersion.V4, SipcStatus.PARTIAL, SipcHeaders.of("L", "3;p=0"),
                SipcBody.ofUtf8("abc"));
        assertEquals("SIP-C/4.0 188 Partial\r\nL: 3\r\n\r\nabc", text(slice));
    }

    @Test
    void writesTheSameBytesAsTheModelsOwnSerialisation() {
        SipcRequest request = new SipcRequest(SipcMethod.SUB, "fetion.com.cn", SipcVersion.V4,
                SipcHeaders.of("F", "1", "I", "2", "Q", "1 SUB", "N", "PresenceV4"), SipcBody.ofUtf8("<args/>"));
        assertEquals(new String(request.toBytes(), UTF_8), text(request));
    }

    private static String text(SipcMessage message) {
        return new String(encode(message), UTF_8);
    }
}
