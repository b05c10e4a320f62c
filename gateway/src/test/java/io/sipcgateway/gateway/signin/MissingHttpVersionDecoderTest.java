package io.sipcgateway.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link MissingHttpVersionDecoder} in front of Netty's {@link HttpRequestDecoder}, as in the SSI pipeline. */
class MissingHttpVersionDecoderTest {
    private static final String LIBOFETION_TARGET = "/ssiportal/SSIAppSignInV4.aspx?mobileno=13800000001"
            + "&domains=fetion.com.cn&v4digest-type=1&v4digest=0123456789ABCDEF0123456789ABCDEF01234567";
    private static final int MAX_LINE = 4096;

    private static EmbeddedChannel newChannel() {
        return new EmbeddedChannel(new MissingHttpVersionDecoder(MAX_LINE), new HttpRequestDecoder());
    }

    /** Feeds {@code bytes} in two parts split at {@code split} and returns the decoded request head. */
    private static HttpRequest decode(byte[] bytes, int split) {
        EmbeddedChannel channel = newChannel();
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, split));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, split, bytes.length - split));
        HttpRequest request = channel.readInbound();
        Object last = channel.readInbound();
        assertInstanceOf(LastHttpContent.class, last, "split at " + split);
        ReferenceCountUtil.release(last);
        assertNull(channel.pipeline().get(MissingHttpVersionDecoder.class), "it steps out after the first line");
        assertFalse(channel.finishAndReleaseAll());
        return request;
    }

    @Test
    void libofetionRequestLineGetsHttp10AtEverySplitPoint() {
        byte[] bytes = SigninClients.libofetionSsiRequest(LIBOFETION_TARGET);
        for (int split = 0; split <= bytes.length; split++) {
            HttpRequest request = decode(bytes, split);

            assertTrue(request.decoderResult().isSuccess(), "split at " + split);
            assertEquals(HttpVersion.HTTP_1_0, request.protocolVersion());
            assertEquals(LIBOFETION_TARGET, request.uri());
            assertEquals("uid.fetion.com.cn", request.headers().get("Host"));
            assertEquals("IIC2.0/pc 4.3.0980", request.headers().get("User-Agent"));
        }
    }

    @Test
    void versionedRequestLineIsLeftAlone() {
        byte[] bytes = "POST /nav/getsystemconfig.aspx HTTP/1.1\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);

        HttpRequest request = decode(bytes, 10);

        assertEquals(HttpVersion.HTTP_1_1, request.protocolVersion());
    }

    @Test
    void emptyLinesBeforeTheRequestAreSkippedAndTheRequestLineStillMended() {
        String libofetion = new String(SigninClients.libofetionSsiRequest("/x?a=1"), StandardCharsets.US_ASCII);
        byte[] bytes = ("\r\n\r\n" + libofetion).getBytes(StandardCharsets.US_ASCII);

        HttpRequest request = decode(bytes, 1);

        assertEquals(HttpVersion.HTTP_1_0, request.protocolVersion());
        assertEquals("/x?a=1", request.uri());
    }

    @Test
    void bareLineFeedsWork() {
        HttpRequest request = decode("GET /x\nHost: h\n\n".getBytes(StandardCharsets.US_ASCII), 3);

        assertTrue(request.decoderResult().isSuccess());
        assertEquals("/x", request.uri());
    }

    @Test
    void overlongLineWithoutLineFeedIsPassedOnForTheHttpDecoderToReject() {
        EmbeddedChannel channel = newChannel();

        channel.writeInbound(Unpooled.wrappedBuffer(("GET /" + "a".repeat(MAX_LINE + 10))
                .getBytes(StandardCharsets.US_ASCII)));

        assertNull(channel.pipeline().get(MissingHttpVersionDecoder.class));
        HttpRequest request = channel.readInbound();
        assertInstanceOf(TooLongHttpLineException.class, request.decoderResult().cause());
        ReferenceCountUtil.release(request);
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "GET /path?x=1              | true",
        "GET /path HTTP/1.1         | false",
        "get /path http/1.0         | false",
        "GET   /path                | true",
        "GET\t/path                 | true",
        "GET                        | false",
        "GET /a b                   | true",
    })
    void lacksVersion(String line, boolean expected) {
        assertEquals(expected, MissingHttpVersionDecoder.lacksVersion(line));
    }
}
