package io.sipcgateway.gateway.legacy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.sipcgateway.gateway.config.HostAndPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;

/** The bound SIP-C listener. Closing it stops accepting; open connections are closed with their event loops. */
public final class LegacyServer implements AutoCloseable {
    private static final AdaptiveRecvByteBufAllocator RECV_ALLOCATOR = new AdaptiveRecvByteBufAllocator();

    private final Channel channel;

    private LegacyServer(Channel channel) {
        this.channel = channel;
    }

    /** Binds {@code listen} and blocks until bound; {@code workers} also run every session. */
    public static LegacyServer bind(HostAndPort listen, EventLoopGroup boss, EventLoopGroup workers,
            LegacyServerInitializer initializer) throws InterruptedException, IOException {
        Objects.requireNonNull(listen, "listen");
        ChannelFuture bound = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true) // small request/answer messages, latency first
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                // One allocator for all connections (each still gets its own small Handle): Netty's default is a new
                // one per channel, 40 bytes of each idle session for identical settings (issue 7).
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, RECV_ALLOCATOR)
                .childHandler(initializer)
                .bind(listen.toSocketAddress())
                .await();
        if (!bound.isSuccess()) {
            throw new IOException("cannot listen on " + listen + " (SIP-C, --sipc-listen): "
                    + bound.cause().getMessage(), bound.cause());
        }
        return new LegacyServer(bound.channel());
    }

    /** The bound address (the real port when 0 was asked for). */
    public HostAndPort address() {
        return HostAndPort.of((InetSocketAddress) channel.localAddress());
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
