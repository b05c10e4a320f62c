package io.sipcgateway.gateway.legacy;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.logging.LoggingHandler;
import io.sipcgateway.sipc.codec.SipcCodec;
import io.sipcgateway.sipc.codec.SipcDecoderConfig;
import java.util.Objects;

/**
 * The one place the legacy pipeline is assembled (STYLE 5.8): optional raw hex logging (Netty's own
 * {@link LoggingHandler}, before the codec), the SIP-C codec, then the session handler, which owns idle timing.
 */
public final class LegacyServerInitializer extends ChannelInitializer<SocketChannel> {
    private final SipcDecoderConfig decoderConfig;
    private final LegacySession.Factory sessions;
    private final boolean hexDump;

    public LegacyServerInitializer(SipcDecoderConfig decoderConfig, LegacySession.Factory sessions,
            boolean hexDump) {
        this.decoderConfig = Objects.requireNonNull(decoderConfig, "decoderConfig");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hexDump = hexDump;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (hexDump) {
            channel.pipeline().addLast("hex", new LoggingHandler("sipc.wire", LogLevel.DEBUG));
        }
        channel.pipeline()
                .addLast("codec", new SipcCodec(decoderConfig))
                .addLast("session", new LegacySessionHandler(sessions));
    }
}
