package io.sipcgateway.sipc.codec;

import static io.sipcgateway.sipc.codec.SipcDecoderTest.buffer;
import static io.sipcgateway.sipc.codec.SipcDecoderTest.drain;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.sipcgateway.sipc.SipcContentLength;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Quirks and limits that the captured corpus does not show on its own. */
class SipcDecoderEdgeCaseTest {

    @AfterAll
    static void noBufferLeaked() {
        LeakRecorder.assertNoLeaks();
    }

    @Test
    void decodesLongContentLengthNameAsL() {
        SipcRequest request = decodeRequest("M 916000002 SIP-C/4.0\r\nI: 1\r\nQ: 1 M\r\nContent-Length: 3\r\n\r\nabc");
        assertEquals("abc", request.body().utf8());
        assertEquals("3", request.headers().first(SipcHeaderName.CONTENT_LENGTH).orElseThrow());
    }

    @Test
    void missingLengthMeansNoBody() {
        List<Object> out = decodeAll(SipcTestFrames.KEEPALIVE_V2 + SipcTestFrames.OK_V4);
        assertEquals(2, out.size());
        assertTrue(((SipcRequest) out.get(0)).body().isEmpty());
    }

    @Test
    void parsesSliceLengthAndReadsThatManyBytes() {
        SipcResponse response = (SipcResponse) decodeAll("SIP-C/4.0 188 Partial\r\nI: 2\r\nQ: 1 S\r\nL: 5;p=0\r\n\r\n"
                + "<a/>!").get(0);
        assertEquals(5, response.body().length());
        SipcContentLength length = SipcContentLength.tryParse(
                response.headers().first(SipcHeaderName.CONTENT_LENGTH).orElseThrow()).orElseThrow();
        assertTrue(length.isSlice());
        assertEquals(0, length.sliceOffset());
    }

    @Test
    void acceptsIdenticalDuplicateLength() {
        SipcRequest request = decodeRequest("M 1 SIP-C/4.0\r\nL: 2\r\nI: 1\r\nL: 2\r\n\r\nok");
        assertEquals("ok", request.body().utf8());
    }

    @Test
    void skipsLeadingAndStrayLineEndsAndAcceptsBareLf() {
        List<Object> out = decodeAll("\r\n\r\n\nR fetion.com.cn SIP-C/2.0\nF: 1\nI: 1\nQ: 1 R\n\n\r\n"
                + SipcTestFrames.OK_V4 + "\r\n\r\n");
        assertEquals(2, out.size(), out.toString());
        assertEquals(SipcMethod.R, ((SipcRequest) out.get(0)).method());
    }

    @Test
    void trimsValuesLikeTheOfficialClientsTrailingSpace() {
        SipcRequest request = decodeRequest("R fetion.com.cn SIP-C/2.0\r\nF: 756444636\r\nI: 17 \r\nQ: 1 R\r\n"
                + "X: 0 \r\n\r\n");
        assertEquals("17", request.callId().orElseThrow());
        assertEquals("0", request.headers().first(SipcHeaderName.EXPIRES).orElseThrow());
    }

    @Test
    void decodesUtf8InHeaderValuesAndStartLine() {
        SipcResponse response = (SipcResponse) decodeAll("SIP-C/4.0 486 忙\r\nI: 1\r\nX-Note: 你好\r\n\r\n").get(0);
        assertEquals("忙", response.status().reason());
        assertEquals("你好", response.headers().first(SipcHeaderName.of("X-Note")).orElseThrow());
    }

    @Test
    void keepsUnknownMethodsHeadersAndVersions() {
        SipcRequest request = decodeRequest("NEG 916000001 SIP-C/3.0\r\nZZ: 1\r\nI: 5\r\n\r\n");
        assertEquals("NEG", request.method().token());
        assertFalse(request.method().isKnown());
        assertEquals(new SipcVersion(3, 0), request.version());
        assertEquals("ZZ", request.headers().get(0).name().compact());
    }

    @Test
    void keepsEmptyReasonPhrase() {
        SipcResponse response = (SipcResponse) decodeAll("SIP-C/4.0 200\r\nI: 1\r\nQ: 1 R\r\n\r\n").get(0);
        assertEquals("", response.status().reason());
    }

    @Test
    void offsetsCountFromTheFirstByteOfTheConnection() {
        String bad = "M fetion.com.cn SIP-C/4.0\r\nF 916000001\r\n\r\n";
        InvalidSipcFrame failure = (InvalidSipcFrame) decodeAll(SipcTestFrames.OK_V4 + "\r\n" + bad).get(1);
        assertEquals(SipcDecodeError.BAD_HEADER, failure.error());
        assertEquals(SipcTestFrames.OK_V4.length() + 2 + "M fetion.com.cn SIP-C/4.0\r\n".length(), failure.offset());
    }

    @Test
    void failureKeepsStartLineAndHeadersSoFarForA400() {
        InvalidSipcFrame failure = (InvalidSipcFrame) decodeAll(
                "M fetion.com.cn SIP-C/4.0\r\nI: 7\r\nQ: 2 M\r\nL: x\r\n\r\n").get(0);
        assertTrue(failure.canReply());
        assertEquals("7", failure.headersSoFar().first(SipcHeaderName.CALL_ID).orElseThrow());
        assertTrue(failure.startLine().isPresent());
    }

    @Test
    void truncatedBodyIsReportedAtEndOfStream() {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder());
        String frame = "M 1 SIP-C/4.0\r\nI: 1\r\nL: 10\r\n\r\nabc";
        channel.writeInbound(buffer(frame.getBytes(UTF_8)));
        assertTrue(drain(channel).isEmpty());
        channel.finish();
        InvalidSipcFrame failure = (InvalidSipcFrame) channel.readInbound();
        assertEquals(SipcDecodeError.TRUNCATED, failure.error());
        assertEquals(frame.length(), failure.offset());
    }

    @Test
    void lineEndsAloneAtEndOfStreamAreNotAFailure() {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder());
        channel.writeInbound(buffer((SipcTestFrames.OK_V4 + "\r\n\r\n\n").getBytes(UTF_8)));
        assertInstanceOf(SipcResponse.class, channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void appliesConfiguredLimits() {
        SipcDecoderConfig tiny = SipcDecoderConfig.DEFAULT.withMaxStartLineLength(16).withMaxHeaderLineLength(8)
                .withMaxHeaderCount(2).withMaxBodyLength(3);
        assertEquals(SipcDecodeError.START_LINE_TOO_LONG, failureWith(tiny, "R fetion.com.cn SIP-C/4.0\r\n\r\n"));
        assertEquals(SipcDecodeError.HEADER_LINE_TOO_LONG, failureWith(tiny, "R 1 SIP-C/4.0\r\nF: 123456789\r\n\r\n"));
        assertEquals(SipcDecodeError.TOO_MANY_HEADERS, failureWith(tiny, "R 1 SIP-C/4.0\r\nF: 1\r\nI: 1\r\nQ: 1 R\r\n\r\n"));
        assertEquals(SipcDecodeError.BODY_TOO_LONG, failureWith(tiny, "R 1 SIP-C/4.0\r\nL: 4\r\n\r\nabcd"));
    }

    @Test
    void tooLongLineFailsBeforeItsEndArrives() {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder(SipcDecoderConfig.DEFAULT
                .withMaxHeaderLineLength(16)));
        channel.writeInbound(buffer("R 1 SIP-C/4.0\r\nA: ".getBytes(UTF_8)));
        channel.writeInbound(buffer("x".repeat(64).getBytes(UTF_8))); // no LF yet: the budget alone decides
        InvalidSipcFrame failure = (InvalidSipcFrame) channel.readInbound();
        assertInstanceOf(TooLongSipcFrameException.class, failure.cause());
        assertEquals(15, failure.offset());
        assertFalse(channel.finish());
    }

    private static SipcDecodeError failureWith(SipcDecoderConfig config, String frame) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder(config));
        channel.writeInbound(buffer(frame.getBytes(UTF_8)));
        channel.finish();
        return ((InvalidSipcFrame) channel.readInbound()).error();
    }

    private static SipcRequest decodeRequest(String frame) {
        List<Object> out = decodeAll(frame);
        assertEquals(1, out.size(), out.toString());
        return assertInstanceOf(SipcRequest.class, out.get(0));
    }

    private static List<Object> decodeAll(String frames) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder());
        channel.writeInbound(buffer(frames.getBytes(UTF_8)));
        channel.finish();
        return drain(channel);
    }
}
