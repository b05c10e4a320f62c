package io.sipcgateway.gateway.signin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Gives a version to a request line that has none, then steps out of the pipeline. libofetion's SSI request line
 * is {@code GET /ssiportal/SSIAppSignInV4.aspx?...} with no {@code HTTP/1.1} (section 7.2, LOCAL-RUN), which
 * Netty's {@code HttpRequestDecoder} rejects (an empty version). This decoder appends {@value #APPENDED} to the
 * first non-empty line when its last token is not an {@code HTTP/} version, and passes every other byte on as is.
 * Only the first request is looked at: the endpoints answer one request per connection (section 7.3).
 *
 * <table>
 *   <caption>limits</caption>
 *   <tr><th>limit</th><th>over it</th></tr>
 *   <tr><td>{@code maxLineLength} bytes before the first LF</td><td>the bytes are passed on untouched, for
 *       {@code HttpRequestDecoder} (same limit) to reject the line as too long</td></tr>
 * </table>
 */
final class MissingHttpVersionDecoder extends ByteToMessageDecoder {
    static final String APPENDED = " HTTP/1.0";

    private final int maxLineLength;

    MissingHttpVersionDecoder(int maxLineLength) {
        if (maxLineLength < 16) {
            throw new IllegalArgumentException("maxLineLength must be >= 16: " + maxLineLength);
        }
        this.maxLineLength = maxLineLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            // +2: the line may end in CRLF; never scan further than one line could be
            int searchEnd = Math.min(in.writerIndex(), start + maxLineLength + 2);
            int lf = in.indexOf(start, searchEnd, (byte) '\n');
            if (lf < 0) {
                if (searchEnd - start >= maxLineLength + 2) {
                    passOnAndLeave(ctx, in, out); // too long: HttpRequestDecoder reports it
                }
                return; // wait for the rest of the line
            }
            int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            if (end == start) {
                out.add(in.readRetainedSlice(lf + 1 - start)); // an empty line before the request: skipped later
                continue;
            }
            if (lacksVersion(in.toString(start, end - start, StandardCharsets.ISO_8859_1))) {
                out.add(in.readRetainedSlice(end - start));
                out.add(Unpooled.copiedBuffer(APPENDED, StandardCharsets.US_ASCII));
            }
            passOnAndLeave(ctx, in, out);
            return;
        }
    }

    /** True for {@code METHOD TARGET}: two or more tokens, the last of which is not {@code HTTP/...}. */
    static boolean lacksVersion(String line) {
        String trimmed = line.strip();
        int lastSpace = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t'));
        if (lastSpace < 0) {
            return false; // one token: not a request line this decoder can mend
        }
        return !trimmed.regionMatches(true, lastSpace + 1, "HTTP/", 0, 5);
    }

    private void passOnAndLeave(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            out.add(in.readRetainedSlice(in.readableBytes()));
        }
        ctx.pipeline().remove(this);
    }
}
