package io.sipcgateway.sipc.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.sipcgateway.fixtures.Capture;
import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.fixtures.MalformedCapture;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The decoder against the whole fixture corpus: split points, gluing, re-encoding, malformed frames. */
class SipcDecoderTest {

    @AfterAll
    static void noBufferLeaked() {
        LeakRecorder.assertNoLeaks();
    }

    static List<Capture> wellFormed() {
        return Fixtures.wellFormedSipc().toList();
    }

    static List<MalformedCapture> malformed() {
        return Fixtures.malformedSipc().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void decodesAtEverySplitPoint(Capture capture) {
        SipcMessage whole = decodeOne(capture.bytes(), capture.length());
        for (int split = 1; split < capture.length(); split++) {
            assertEquals(whole, decodeOne(capture.bytes(), split), "split at byte " + split);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void decodesOneByteAtATime(Capture capture) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder());
        for (byte b : capture.bytes()) {
            channel.writeInbound(buffer(new byte[] {b}));
        }
        SipcMessage message = channel.readInbound();
        assertEquals(decodeOne(capture.bytes(), capture.length()), message);
        assertFalse(channel.finish(), "nothing but one message");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void reEncodesToTheSameMessage(Capture capture) {
        SipcMessage decoded = decodeOne(capture.bytes(), capture.length());
        byte[] encoded = encode(decoded);
        assertEquals(decoded, decodeOne(encoded, encoded.length));
        if (capture.canonical()) {
            assertArrayEquals(capture.bytes(), encoded, "canonical capture re-encodes byte for byte");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void bodyLengthIsWhatLSays(Capture capture) {
        SipcMessage decoded = decodeOne(capture.bytes(), capture.length());
        String declared = decoded.headers().first(SipcHeaderName.CONTENT_LENGTH).orElse("0");
        assertEquals(Integer.parseInt(declared), decoded.body().length());
    }

    @Test
    void decodesBackToBackMessagesFromOneBuffer() {
        List<Capture> captures = wellFormed();
        ByteArrayOutputStream glued = new ByteArrayOutputStream();
        for (int i = 0; i < captures.size(); i++) {
            glued.writeBytes(captures.get(i).bytes());
            if (i % 3 == 0) {
                glued.writeBytes("\r\n".getBytes()); // stray CRLFs between messages, as PF2 sends (section 1.2)
            }
        }
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder());
        channel.writeInbound(buffer(glued.toByteArray()));
        for (Capture capture : captures) {
            assertEquals(decodeOne(capture.bytes(), capture.length()), channel.readInbound(), capture.name());
        }
        assertFalse(channel.finish(), "no message left over");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void reportsFailureThenDiscards(MalformedCapture bad) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder());
        channel.writeInbound(buffer(bad.bytes()));
        if (bad.atEndOfStream()) {
            assertNull(channel.readInbound(), "a truncated frame is only known at end of stream");
            channel.finish();
        }
        InvalidSipcFrame failure = assertInstanceOf(InvalidSipcFrame.class, channel.readInbound());
        assertEquals(bad.error(), failure.error().name(), failure.cause().getMessage());
        assertEquals(bad.offset(), failure.offset(), failure.cause().getMessage());
        Class<?> expectedType = failure.error().isTooLong() ? TooLongSipcFrameException.class
                : SipcDecoderException.class;
        assertEquals(expectedType, failure.cause().getClass());
        if (!bad.atEndOfStream()) {
            channel.writeInbound(buffer(SipcTestFrames.KEEPALIVE_V2.getBytes()));
            assertNull(channel.readInbound(), "input after a failure is discarded");
        }
        assertFalse(channel.finish());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void reportsTheSameFailureAtEverySplitPoint(MalformedCapture bad) {
        for (int split = 1; split < bad.bytes().length; split += Math.max(1, bad.bytes().length / 200)) {
            EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder());
            channel.writeInbound(buffer(Arrays.copyOfRange(bad.bytes(), 0, split)));
            channel.writeInbound(buffer(Arrays.copyOfRange(bad.bytes(), split, bad.bytes().length)));
            channel.finish();
            List<Object> out = drain(channel);
            assertEquals(1, out.size(), "split at " + split + ": " + out);
            InvalidSipcFrame failure = assertInstanceOf(InvalidSipcFrame.class, out.get(0));
            assertEquals(bad.error(), failure.error().name(), "split at " + split);
            assertEquals(bad.offset(), failure.offset(), "split at " + split);
        }
    }

    @Test
    void releasesEveryInputBuffer() {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder());
        ByteBuf first = buffer(SipcTestFrames.MESSAGE_V4.substring(0, 20).getBytes(UTF_8));
        ByteBuf rest = buffer(SipcTestFrames.MESSAGE_V4.substring(20).getBytes(UTF_8));
        channel.writeInbound(first);
        channel.writeInbound(rest);
        assertEquals(0, first.refCnt());
        assertEquals(0, rest.refCnt());
        assertInstanceOf(SipcMessage.class, channel.readInbound());
        assertFalse(channel.finish());
    }

    static SipcMessage decodeOne(byte[] bytes, int split) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder());
        channel.writeInbound(buffer(Arrays.copyOfRange(bytes, 0, split)));
        if (split < bytes.length) {
            channel.writeInbound(buffer(Arrays.copyOfRange(bytes, split, bytes.length)));
        }
        Object decoded = channel.readInbound();
        assertFalse(channel.finish(), "exactly one message, no failure at end of stream");
        return assertInstanceOf(SipcMessage.class, decoded);
    }

    static byte[] encode(SipcMessage message) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcEncoder());
        channel.writeOutbound(message);
        ByteBuf out = channel.readOutbound();
        try {
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
            assertFalse(channel.finish());
        }
    }

    /** A pooled copy, so the paranoid leak detector tracks it. */
    static ByteBuf buffer(byte[] bytes) {
        return PooledByteBufAllocator.DEFAULT.buffer(bytes.length).writeBytes(bytes);
    }

    static List<Object> drain(EmbeddedChannel channel) {
        List<Object> out = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            out.add(o);
        }
        return out;
    }
}
