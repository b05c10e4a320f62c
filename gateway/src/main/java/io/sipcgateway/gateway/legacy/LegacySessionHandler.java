package io.sipcgateway.gateway.legacy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thin glue between a client connection and its {@link LegacySession} (STYLE 5.8): decoded messages go to the
 * session; a malformed frame is answered {@code 400} when its {@code I} and {@code Q} were read, then the
 * connection is closed, as Netty's {@code HttpObjectAggregator} answers 413 and closes; silence longer than the
 * session's idle limit (an {@link IdleStateHandler} placed before it, replaced when the limit changes) ends it; an
 * unexpected exception is logged with the connection id and closes the connection.
 */
final class LegacySessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LegacySessionHandler.class);
    private static final String IDLE = "idle";

    private final LegacySession.Factory sessions;
    private LegacySession session;

    LegacySessionHandler(LegacySession.Factory sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        NettyConnection connection = new NettyConnection(ctx.channel());
        session = sessions.open(connection);
        connection.idleLimit(session.idleLimitSeconds());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
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

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE && session != null) {
            LOG.info("[{}] silent longer than the idle limit", id(ctx.channel()));
            session.onIdle();
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
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
    private static final class NettyConnection implements LegacyConnection {
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
            channel.eventLoop().execute(() -> {
                IdleStateHandler idle = new IdleStateHandler(seconds, 0, 0);
                if (channel.pipeline().get(IDLE) == null) {
                    channel.pipeline().addBefore("session", IDLE, idle);
                } else {
                    channel.pipeline().replace(IDLE, IDLE, idle);
                }
            });
        }
    }
}
