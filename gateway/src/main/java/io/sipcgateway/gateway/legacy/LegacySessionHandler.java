package io.sipcgateway.gateway.legacy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStartLine;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcVersion;
import io.sipcgateway.sipc.codec.InvalidSipcFrame;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thin glue between a client connection and its {@link LegacySession} (STYLE 5.8): decoded messages go to the
 * session; a malformed frame is answered {@code 400} when its {@code I} and {@code Q} were read, then the
 * connection is closed, as Netty's {@code HttpObjectAggregator} answers 413 and closes; silence longer than the
 * session's idle limit ends it (timed here, see {@link #checkIdle}); an
 * unexpected exception is logged with the connection id and closes the connection.
 */
final class LegacySessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LegacySessionHandler.class);

    private final LegacySession.Factory sessions;
    private final Runnable idleCheck = this::checkIdle;
    private ChannelHandlerContext ctx;
    private LegacySession session;
    /** Read and written on the channel's event loop only. */
    private long lastReadNanos;
    private long idleLimitNanos;
    private ScheduledFuture<?> idleTimer;

    LegacySessionHandler(LegacySession.Factory sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        NettyConnection connection = new NettyConnection(ctx.channel());
        session = sessions.open(connection);
        connection.idleLimit(session.idleLimitSeconds());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastReadNanos = System.nanoTime();
        try {
            if (msg instanceof SipcRequest request) {
                session.onRequest(request);
            } else if (msg instanceof SipcResponse response) {
                session.onResponse(response);
            } else if (msg instanceof InvalidSipcFrame invalid) {
                rejectInvalidFrame(ctx, invalid);
            } else {
                ctx.fireChannelRead(ReferenceCountUtil.retain(msg));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        lastReadNanos = System.nanoTime(); // any bytes count, a partial frame too, as with IdleStateHandler
        ctx.fireChannelReadComplete();
    }

    private void rejectInvalidFrame(ChannelHandlerContext ctx, InvalidSipcFrame invalid) {
        LOG.warn("[{}] malformed SIP-C from {}: {}", id(ctx.channel()), ctx.channel().remoteAddress(),
                invalid.cause().getMessage());
        if (!invalid.canReply()) {
            ctx.close();
            return;
        }
        SipcVersion version = invalid.startLine().map(SipcStartLine::version).orElse(SipcVersion.V4);
        SipcHeaders echoed = SipcHeaders.builder()
                .add(SipcHeaderName.CALL_ID, invalid.headersSoFar().first(SipcHeaderName.CALL_ID).orElseThrow())
                .add(SipcHeaderName.CSEQ, invalid.headersSoFar().first(SipcHeaderName.CSEQ).orElseThrow())
                .build();
        SipcResponse badRequest = new SipcResponse(version, SipcStatus.BAD_REQUEST, echoed, SipcBody.EMPTY);
        ctx.writeAndFlush(badRequest).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Reader-idle timing, as Netty's {@code IdleStateHandler(seconds, 0, 0)} does it (one timer, re-armed for the time
     * left after each read), but inside this handler: a separate handler cost ~220 bytes per idle connection (itself,
     * its context, its task objects), the largest Netty item of an idle session (issue 7).
     */
    private void idleLimit(int seconds) {
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        idleLimitNanos = TimeUnit.SECONDS.toNanos(seconds);
        lastReadNanos = System.nanoTime(); // a new limit counts from now, as a newly added IdleStateHandler did
        if (ctx.channel().isActive()) {
            idleTimer = ctx.executor().schedule(idleCheck, idleLimitNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkIdle() {
        if (!ctx.channel().isActive()) {
            return;
        }
        long left = idleLimitNanos - (System.nanoTime() - lastReadNanos);
        if (left > 0) {
            idleTimer = ctx.executor().schedule(idleCheck, left, TimeUnit.NANOSECONDS);
            return;
        }
        idleTimer = null;
        if (session != null) {
            LOG.info("[{}] silent longer than the idle limit", id(ctx.channel()));
            session.onIdle();
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
        if (session != null) {
            session.onDisconnect();
            session = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.error("[{}] closing after unexpected error", id(ctx.channel()), cause);
        ctx.close();
    }

    static String id(Channel channel) {
        return channel.id().asShortText();
    }

    /** The session's view of the channel; sends from other threads are queued on the event loop by Netty. */
    private final class NettyConnection implements LegacyConnection {
        private final Channel channel;

        NettyConnection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public String id() {
            return LegacySessionHandler.id(channel);
        }

        @Override
        public SocketAddress remoteAddress() {
            return channel.remoteAddress();
        }

        @Override
        public void send(SipcMessage message) {
            channel.writeAndFlush(message).addListener(f -> {
                if (!f.isSuccess() && channel.isActive()) {
                    LOG.warn("[{}] write failed", id(), f.cause());
                }
            });
        }

        @Override
        public void close(SipcMessage last, String reason) {
            LOG.info("[{}] closing: {}", id(), reason);
            if (last == null) {
                channel.close();
            } else {
                channel.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public boolean isOpen() {
            return channel.isActive();
        }

        @Override
        public void idleLimit(int seconds) {
            channel.eventLoop().execute(() -> LegacySessionHandler.this.idleLimit(seconds));
        }
    }
}
