package io.sipcgateway.gateway.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import io.sipcgateway.sipc.SipcCSeq;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.codec.InvalidSipcFrame;
import io.sipcgateway.sipc.codec.SipcCodec;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty side of a {@link LegacyClient}: one TCP connection with the SIP-C codec, its own one-thread event loop,
 * answers matched to requests by {@code I} and {@code Q} (section 3: "match on I (+Q)"), and the auto-replies of
 * libofetion: {@code 200 OK} with {@code F I Q} to every incoming {@code M}, {@code IN}, {@code I}, {@code O} and
 * {@code B} (sample 26); {@code BN} is never answered (section 2, WIRE).
 */
final class ClientChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ClientChannel.class);
    private static final Set<SipcMethod> AUTO_ANSWERED = Set.of(SipcMethod.M, SipcMethod.IN, SipcMethod.I,
            SipcMethod.O, SipcMethod.B);
    /** Events kept for {@link #received()}; beyond it the oldest are dropped, so a long wait stays bounded. */
    static final int MAX_RECEIVED = 10_000;

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ClientConfig config;
    private final ConcurrentMap<Key, CompletableFuture<SipcResponse>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<ClientEvent> received = new LinkedBlockingQueue<>(MAX_RECEIVED);
    private final CompletableFuture<Boolean> closed = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile boolean closing;

    private ClientChannel(EventLoopGroup group, boolean ownsGroup, ClientConfig config) {
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.config = config;
    }

    static ClientResult<ClientChannel> connect(String host, int port, ClientConfig config) {
        return connect(host, port, config, new NioEventLoopGroup(1, new DefaultThreadFactory("sipc-client", true)),
                true);
    }

    /**
     * Connects on {@code group}; when {@code ownsGroup} the group is shut down with the connection, otherwise the
     * caller (the load tool, sharing one group among thousands of clients) stops it.
     */
    static ClientResult<ClientChannel> connect(String host, int port, ClientConfig config, EventLoopGroup group,
            boolean ownsGroup) {
        ClientChannel client = new ClientChannel(group, ownsGroup, config);
        ChannelFuture connected = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("codec", new SipcCodec()).addLast("client", client.new Inbound());
                    }
                })
                .connect(host, port);
        connected.awaitUninterruptibly(config.connectTimeout().toMillis() + 1000);
        if (!connected.isSuccess()) {
            connected.channel().close();
            if (ownsGroup) {
                group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            }
            Throwable cause = connected.cause();
            String why = cause == null ? "no connection within " + config.connectTimeout() : reason(cause);
            return ClientResult.failed(ClientFailure.of(ClientFailure.Kind.CONNECT,
                    "cannot connect to " + host + ":" + port + ": " + why));
        }
        client.channel = connected.channel();
        return ClientResult.ok(client);
    }

    /** Netty's "Connection refused: /127.0.0.1:8080" without the address the caller already names. */
    private static String reason(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int address = message.indexOf(": /");
        return address > 0 ? message.substring(0, address) : message;
    }

    /** Sends {@code request}; the future completes with its final answer, or fails when the connection closes. */
    CompletableFuture<SipcResponse> send(SipcRequest request, boolean automatic) {
        CompletableFuture<SipcResponse> answer = new CompletableFuture<>();
        Optional<Key> key = Key.of(request);
        if (key.isEmpty()) {
            answer.completeExceptionally(new IllegalArgumentException("a request needs I and Q to be answered"));
            return answer;
        }
        if (pending.putIfAbsent(key.get(), answer) != null) {
            answer.completeExceptionally(new IllegalArgumentException("already waiting for an answer to " + key.get()));
            return answer;
        }
        if (closed.isDone()) { // checked after the put: a close either sees the entry or is seen here
            pending.remove(key.get(), answer);
            answer.completeExceptionally(new ClosedChannelException());
            return answer;
        }
        emit(new ClientEvent.Message(Instant.now(), ClientEvent.Direction.OUT, request, automatic));
        channel.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess()) {
                pending.remove(key.get(), answer);
                answer.completeExceptionally(f.cause());
            }
        });
        return answer;
    }

    /** Sends {@code request} and waits at most {@code timeout} for its final answer, whatever its status. */
    ClientResult<SipcResponse> exchange(SipcRequest request, Duration timeout) {
        CompletableFuture<SipcResponse> answer = send(request, false);
        String what = request.method() + " (I: " + request.callId().orElse("?") + ")";
        try {
            return ClientResult.ok(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            Key.of(request).ifPresent(k -> pending.remove(k, answer));
            return ClientResult.failed(ClientFailure.of(ClientFailure.Kind.TIMEOUT,
                    "no answer to " + what + " within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Key.of(request).ifPresent(k -> pending.remove(k, answer));
            return ClientResult.failed(ClientFailure.of(ClientFailure.Kind.TIMEOUT, "interrupted waiting for " + what));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                return ClientResult.failed(ClientFailure.of(ClientFailure.Kind.INVALID, cause.getMessage()));
            }
            return ClientResult.failed(ClientFailure.of(ClientFailure.Kind.CLOSED,
                    "the connection closed before the answer to " + what));
        }
    }

    /** Writes raw bytes, e.g. a malformed frame; true if written within the answer timeout. */
    boolean sendRaw(byte[] bytes) {
        ChannelFuture written = channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
        return written.awaitUninterruptibly(config.answerTimeout().toMillis()) && written.isSuccess();
    }

    ScheduledFuture<?> every(Duration interval, Runnable task) {
        long millis = interval.toMillis();
        return channel.eventLoop().scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    BlockingQueue<ClientEvent> received() {
        return received;
    }

    boolean isOpen() {
        return !closed.isDone() && channel.isActive();
    }

    /** True once the connection is closed, waiting at most {@code timeout}. */
    boolean awaitClosed(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return closed.isDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return closed.isDone();
        }
    }

    /** Closes the connection and stops the event loop, waiting a bounded time unless called on it. */
    void close() {
        closing = true;
        boolean onLoop = channel.eventLoop().inEventLoop();
        ChannelFuture done = channel.close();
        if (!onLoop) {
            done.awaitUninterruptibly(config.closeTimeout().toMillis());
        }
        if (!ownsGroup) {
            return;
        }
        long millis = config.closeTimeout().toMillis();
        Future<?> stopped = group.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS);
        if (!onLoop) {
            stopped.awaitUninterruptibly(millis + 1000);
        }
    }

    private void emit(ClientEvent event) {
        if (config.keepReceived()
                && (!(event instanceof ClientEvent.Message m) || m.direction() == ClientEvent.Direction.IN)) {
            synchronized (received) {
                while (!received.offer(event)) {
                    received.poll(); // full: the oldest goes
                }
            }
        }
        try {
            config.listener().accept(event);
        } catch (RuntimeException e) {
            LOG.warn("client event listener failed on {}", event, e);
        }
    }

    /** Inbound side of the pipeline, on the event loop. */
    private final class Inbound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof SipcResponse response) {
                    onResponse(response);
                } else if (msg instanceof SipcRequest request) {
                    onRequest(ctx, request);
                } else if (msg instanceof InvalidSipcFrame invalid) {
                    // The decoder discards everything after a bad frame: nothing more can be read here.
                    emit(new ClientEvent.Malformed(Instant.now(), invalid));
                    ctx.close();
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void onResponse(SipcResponse response) {
            emit(new ClientEvent.Message(Instant.now(), ClientEvent.Direction.IN, response, false));
            if (response.status().isProvisional()) {
                return; // 100 Trying: the final answer follows (sample 57)
            }
            CompletableFuture<SipcResponse> answer = Key.of(response).map(pending::remove).orElse(null);
            if (answer != null) {
                answer.complete(response);
            }
        }

        private void onRequest(ChannelHandlerContext ctx, SipcRequest request) {
            emit(new ClientEvent.Message(Instant.now(), ClientEvent.Direction.IN, request, false));
            if (AUTO_ANSWERED.contains(request.method())) {
                SipcResponse reply = ClientRequests.autoReply(request);
                emit(new ClientEvent.Message(Instant.now(), ClientEvent.Direction.OUT, reply, true));
                ctx.writeAndFlush(reply);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            emit(new ClientEvent.Closed(Instant.now(), !closing)); // first: whoever awaits the close sees it listed
            closed.complete(!closing);
            ClosedChannelException cause = new ClosedChannelException();
            pending.values().forEach(answer -> answer.completeExceptionally(cause));
            pending.clear();
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof IOException) {
                LOG.debug("client connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
            } else {
                LOG.warn("client connection {} failed; closing", ctx.channel().remoteAddress(), cause);
            }
            ctx.close();
        }
    }

    /** What pairs an answer with its request: {@code I} and {@code Q}, the CSeq normalised. */
    record Key(String callId, String cseq) {
        static Optional<Key> of(SipcMessage message) {
            Optional<String> callId = message.callId();
            Optional<String> cseq = message.header(SipcHeaderName.CSEQ);
            if (callId.isEmpty() || cseq.isEmpty()) {
                return Optional.empty();
            }
            String q = SipcCSeq.tryParse(cseq.get()).map(SipcCSeq::toString).orElse(cseq.get().strip());
            return Optional.of(new Key(callId.get().strip(), q));
        }
    }
}
