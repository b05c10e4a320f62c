package io.sipcgateway.gateway.signin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one request ({@code HttpRequestDecoder}'s parts, the body kept up to {@link #maxBodyBytes}), asks the
 * {@link SigninEndpoint}, writes the answer as one buffer and closes: the clients read one answer per connection
 * (section 7.3). A request the decoder could not parse gets 400 (414 for a too-long request line, 431 for too-long
 * headers), a too-long body 413; anything after the first request is discarded. Errors are logged with the
 * connection id and close the connection.
 */
final class SigninHttpHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SigninHttpHandler.class);

    private final SigninEndpoint endpoint;
    private final int maxBodyBytes;
    private HttpRequest request;
    private ByteArrayOutputStream body;
    private boolean answered;

    SigninHttpHandler(SigninEndpoint endpoint, int maxBodyBytes) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!answered) {
                read(ctx, msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void read(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest started) {
            if (started.decoderResult().isFailure()) {
                answerBadRequest(ctx, started.decoderResult().cause());
                return;
            }
            request = started;
            body = new ByteArrayOutputStream();
        }
        if (msg instanceof HttpContent content && request != null) {
            if (content.decoderResult().isFailure()) {
                answerBadRequest(ctx, content.decoderResult().cause());
                return;
            }
            ByteBuf bytes = content.content();
            if (body.size() + bytes.readableBytes() > maxBodyBytes) {
                answer(ctx, HttpAnswer.empty(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE));
                return;
            }
            body.writeBytes(ByteBufUtil.getBytes(bytes));
            if (msg instanceof LastHttpContent) {
                answer(ctx, endpoint.answer(new SigninRequest(request.method(), request.uri(), body.toByteArray(),
                        (InetSocketAddress) ctx.channel().localAddress(),
                        (InetSocketAddress) ctx.channel().remoteAddress())));
            }
        }
    }

    private void answerBadRequest(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("[{}] unparsable request: {}", ctx.channel().id().asShortText(), cause.toString());
        HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
        answer(ctx, HttpAnswer.empty(status));
    }

    private void answer(ChannelHandlerContext ctx, HttpAnswer answer) {
        answered = true;
        request = null;
        body = null;
        byte[] bytes = answer.toBytes();
        if (bytes.length > endpoint.maxAnswerBytes()) {
            // a bug, not an input problem: the client could not read the answer (section 7.3)
            throw new IllegalStateException(answer + " is " + bytes.length + " bytes, over the endpoint's one-read "
                    + "limit of " + endpoint.maxAnswerBytes());
        }
        ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String id = ctx.channel().id().asShortText();
        if (isPeerProblem(cause)) {
            // non-TLS bytes on the TLS port, a failed handshake, a reset, a silent client: routine on a public port
            LOG.debug("[{}] closing: {}", id, cause.toString());
        } else {
            LOG.warn("[{}] closing after an unexpected error", id, cause);
        }
        ctx.close();
    }

    private static boolean isPeerProblem(Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        return root instanceof NotSslRecordException || root instanceof SSLException || root instanceof IOException
                || root instanceof ReadTimeoutException;
    }
}
