package io.sipcgateway.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in pipeline after TLS (the initializer's handlers and limits) on an {@link EmbeddedChannel}: one answer
 * as one buffer then a close, and the exact error status for each kind of bad input.
 */
class SigninHttpHandlerTest {
    private final List<SigninRequest> seen = new ArrayList<>();
    private EmbeddedChannel channel;

    @AfterEach
    void nothingLeftOver() {
        channel.finishAndReleaseAll();
    }

    /** An endpoint that answers {@code 200 ok} to anything, with a one-write limit of {@code maxAnswerBytes}. */
    private EmbeddedChannel channel(int maxAnswerBytes) {
        SigninEndpoint endpoint = new SigninEndpoint() {
            @Override
            public HttpAnswer answer(SigninRequest request) {
                seen.add(request);
                return HttpAnswer.xml(HttpResponseStatus.OK, "<ok/>");
            }

            @Override
            public int maxAnswerBytes() {
                return maxAnswerBytes;
            }
        };
        channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress localAddress0() {
                return new InetSocketAddress("127.0.0.1", 1443);
            }

            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress("127.0.0.1", 40000);
            }
        };
        channel.pipeline()
                .addLast(new MissingHttpVersionDecoder(SigninChannelInitializer.MAX_LINE_BYTES))
                .addLast(new HttpRequestDecoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(SigninChannelInitializer.MAX_LINE_BYTES)
                        .setMaxHeaderSize(SigninChannelInitializer.MAX_HEADER_BYTES)))
                .addLast(new SigninHttpHandler(endpoint, SigninChannelInitializer.MAX_BODY_BYTES));
        return channel;
    }

    /** Feeds {@code request} and returns the one buffer written, checking nothing else was and the close. */
    private String exchange(EmbeddedChannel ch, String request) {
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        ByteBuf written = ch.readOutbound();
        try {
            assertNull(ch.readOutbound(), "one write");
            assertFalse(ch.isOpen(), "closed after the answer");
            return written.toString(StandardCharsets.ISO_8859_1);
        } finally {
            written.release();
        }
    }

    @Test
    void libofetionRequestIsAnsweredInOneBufferThenClosed() {
        String answer = exchange(channel(SsiEndpoint.MAX_ANSWER_BYTES), new String(SigninClients.libofetionSsiRequest(
                SsiEndpoint.V4_PATH + "?sid=916000001&v4digest=AB"), StandardCharsets.US_ASCII));

        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: 5\r\n"
                + "Connection: close\r\n\r\n<ok/>", answer);
        assertEquals(1, seen.size());
        assertEquals(HttpMethod.GET, seen.get(0).method());
        assertEquals(SsiEndpoint.V4_PATH + "?sid=916000001&v4digest=AB", seen.get(0).uri());
    }

    @Test
    void postBodyReachesTheEndpoint() {
        exchange(channel(Integer.MAX_VALUE), "POST /x HTTP/1.1\r\nContent-Length: 7\r\n\r\npwd=a;b");

        assertEquals("pwd=a;b", new String(seen.get(0).body(), StandardCharsets.US_ASCII));
    }

    @Test
    void onlyTheFirstOfTwoPipelinedRequestsIsAnswered() {
        exchange(channel(Integer.MAX_VALUE), "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n");

        assertEquals(1, seen.size());
    }

    @Test
    void requestLineOverTheLimitGets414() {
        String answer = exchange(channel(Integer.MAX_VALUE),
                "GET /" + "a".repeat(SigninChannelInitializer.MAX_LINE_BYTES) + " HTTP/1.1\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 414 "), answer);
        assertTrue(seen.isEmpty());
    }

    @Test
    void headersOverTheLimitGet431() {
        String answer = exchange(channel(Integer.MAX_VALUE), "GET / HTTP/1.1\r\nX-Junk: "
                + "x".repeat(SigninChannelInitializer.MAX_HEADER_BYTES) + "\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 431 "), answer);
    }

    @Test
    void bodyOverTheLimitGets413() {
        String answer = exchange(channel(Integer.MAX_VALUE), "POST / HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n"
                + "x".repeat(SigninChannelInitializer.MAX_BODY_BYTES + 1));

        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(seen.isEmpty());
    }

    @Test
    void unparsableRequestGets400() {
        String answer = exchange(channel(Integer.MAX_VALUE), "\u0001\u0002\u0003 / HTTP/1.1\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
    }

    @Test
    void answerOverTheEndpointsOneReadLimitIsNotSentAndTheConnectionCloses() {
        EmbeddedChannel ch = channel(10);

        ch.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII));

        assertNull(ch.readOutbound());
        assertFalse(ch.isOpen());
    }

    @Test
    void nothingIsAnsweredBeforeTheRequestIsComplete() {
        EmbeddedChannel ch = channel(Integer.MAX_VALUE);
        byte[] request = "POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcd".getBytes(StandardCharsets.US_ASCII);

        for (byte b : request) {
            assertNull(ch.readOutbound());
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        ByteBuf written = ch.readOutbound();
        assertTrue(ByteBufUtil.getBytes(written).length > 0);
        written.release();
        assertEquals("abcd", new String(seen.get(0).body(), StandardCharsets.US_ASCII));
    }
}
