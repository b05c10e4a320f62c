package io.sipcgateway.gateway.inspect.admin;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * The admin connection's pipeline, assembled here only: HTTP/1.1 codec with small line and header limits, an
 * aggregator that answers 413 to any body over {@code maxContentLength} (no route takes one), an idle timer, and
 * the router.
 */
final class AdminServerInitializer extends ChannelInitializer<SocketChannel> {
    /** Long enough for a browser's keep-alive between two clicks; an SSE stream's heartbeat keeps it busy. */
    private static final int IDLE_SECONDS = 120;

    private final AdminContext admin;

    AdminServerInitializer(AdminContext admin) {
        this.admin = admin;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        AdminLimits limits = admin.limits();
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("http", new HttpServerCodec(limits.maxInitialLineLength(), limits.maxHeaderSize(), 8192));
        pipeline.addLast("aggregate", new HttpObjectAggregator(limits.maxContentLength()));
        pipeline.addLast("idle", new IdleStateHandler(0, 0, Math.max(IDLE_SECONDS, 4 * limits.heartbeatSeconds())));
        pipeline.addLast("route", new AdminRequestHandler(admin));
    }
}
