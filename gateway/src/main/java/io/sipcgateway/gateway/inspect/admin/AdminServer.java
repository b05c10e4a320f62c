package io.sipcgateway.gateway.inspect.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.inspect.Inspector;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The admin HTTP listener: the live view ({@code GET /}), {@code GET /events} (Server-Sent Events: backlog, then
 * live pairs), {@code GET /api/events}, {@code GET /metrics} (Prometheus text) and {@code GET /health}. It runs on
 * its own single event loop, so the page and its readers never take time from the SIP-C connections; loopback by
 * default, because it shows message contents. Limits: {@link AdminLimits}.
 */
public final class AdminServer implements AutoCloseable {
    /** Where the listener binds unless told otherwise: loopback only (text form, for option defaults). */
    public static final String DEFAULT_ADDRESS = "127.0.0.1:8090";
    public static final HostAndPort DEFAULT_LISTEN = HostAndPort.parse(DEFAULT_ADDRESS);

    private final EventLoopGroup group;
    private final Channel channel;
    private final AdminContext admin;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AdminServer(EventLoopGroup group, Channel channel, AdminContext admin) {
        this.group = group;
        this.channel = channel;
        this.admin = admin;
    }

    /** {@link #start(HostAndPort, Inspector, GatewayMetrics, Supplier, AdminLimits)} with the default limits. */
    public static AdminServer start(HostAndPort listen, Inspector inspector, GatewayMetrics metrics,
            Supplier<HealthReport> health) throws InterruptedException {
        return start(listen, inspector, metrics, health, AdminLimits.DEFAULT);
    }

    /**
     * Binds {@code listen} and blocks until bound. Streams subscribe to {@code inspector} while they are open.
     * {@code health} is called on the listener's event loop for every {@code /health}, so it must answer from state
     * kept up to date elsewhere, not probe the core itself.
     *
     * @throws UncheckedIOException if the address cannot be bound (in use, not local)
     */
    public static AdminServer start(HostAndPort listen, Inspector inspector, GatewayMetrics metrics,
            Supplier<HealthReport> health, AdminLimits limits) throws InterruptedException {
        Objects.requireNonNull(listen, "listen");
        AdminContext admin = new AdminContext(Objects.requireNonNull(inspector, "inspector"),
                Objects.requireNonNull(metrics, "metrics"), Objects.requireNonNull(health, "health"),
                Objects.requireNonNull(limits, "limits"));
        EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("admin-http", true));
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // isWritable() turns false past the high mark: how a stalled /events reader is noticed
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                            limits.writeBufferHighWater() / 2, limits.writeBufferHighWater()))
                    .childHandler(new AdminServerInitializer(admin))
                    .bind(listen.toSocketAddress())
                    .sync()
                    .channel();
            InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
            admin.bound(bound.getAddress(), listen.host());
            return new AdminServer(group, channel, admin);
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (e instanceof IOException io) { // Netty rethrows the BindException undeclared
                throw new UncheckedIOException("cannot listen on " + listen + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The bound address (the real port when 0 was asked for). */
    public HostAndPort address() {
        return HostAndPort.of((InetSocketAddress) channel.localAddress());
    }

    /** Live events not sent to slow {@code /events} readers, since start. */
    public long droppedStreamEvents() {
        return admin.droppedStreamEvents();
    }

    /** Open {@code /events} streams. */
    public int openStreams() {
        return admin.openStreams();
    }

    /** Stops listening, ends every stream and waits (briefly) for the event loop to stop; once, however called. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channel.close().syncUninterruptibly();
        admin.closeStreams();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
