package io.sipcgateway.gateway.signin;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place both sign-in pipelines are assembled: read timeout, TLS (SSI listener only),
 * {@link MissingHttpVersionDecoder}, Netty's {@link HttpRequestDecoder}, then {@link SigninHttpHandler} with the
 * listener's endpoint. There is no HTTP encoder: each answer is one pre-serialised buffer ({@link HttpAnswer}).
 *
 * <table>
 *   <caption>limits</caption>
 *   <tr><th>limit</th><th>value</th><th>over it</th></tr>
 *   <tr><td>request line</td><td>{@value #MAX_LINE_BYTES} bytes</td><td>414, close</td></tr>
 *   <tr><td>headers</td><td>{@value #MAX_HEADER_BYTES} bytes</td><td>431, close</td></tr>
 *   <tr><td>body</td><td>{@value #MAX_BODY_BYTES} bytes</td><td>413, close</td></tr>
 *   <tr><td>silence</td><td>{@value #READ_TIMEOUT_SECONDS} s without a byte</td><td>close</td></tr>
 * </table>
 */
final class SigninChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_LINE_BYTES = 4096;
    static final int MAX_HEADER_BYTES = 8192;
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int READ_TIMEOUT_SECONDS = 30;

    private final Optional<SslContext> tls;
    private final SigninEndpoint endpoint;

    SigninChannelInitializer(Optional<SslContext> tls, SigninEndpoint endpoint) {
        this.tls = Objects.requireNonNull(tls, "tls");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("timeout", new ReadTimeoutHandler(READ_TIMEOUT_SECONDS)); // also bounds a stalled handshake
        tls.ifPresent(context -> pipeline.addLast("tls", context.newHandler(channel.alloc())));
        pipeline.addLast("version", new MissingHttpVersionDecoder(MAX_LINE_BYTES))
                .addLast("http", new HttpRequestDecoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(MAX_LINE_BYTES)
                        .setMaxHeaderSize(MAX_HEADER_BYTES)))
                .addLast("signin", new SigninHttpHandler(endpoint, MAX_BODY_BYTES));
    }
}
