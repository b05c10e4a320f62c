package io.sipcgateway.gateway.signin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.legacy.LoginGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two web endpoints a legacy client calls before it speaks SIP-C (section 7.3), on their own small event loop:
 * <ul>
 *   <li>HTTP ({@code httpListen}, port 80 in the wild): {@link NavigationEndpoint}, the {@code <config>} whose
 *       {@code <sipc-proxy>} is the advertised SIP-C address;</li>
 *   <li>HTTPS ({@code httpsListen}, port 443 in the wild): {@link SsiEndpoint}, the v4 and v2 SSI sign-in against
 *       the account directory, sharing the SIP-C login's {@link LoginGuard}; TLS per {@link SigninTls}.</li>
 * </ul>
 * Every connection carries one request: the answer goes out in one write, then the connection is closed.
 */
public final class SigninServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SigninServer.class);
    /** Two requests per client login, each a hash and maybe a handshake: a small group, apart from SIP-C. */
    private static final int IO_THREADS = 2;

    private final EventLoopGroup group;
    private final Channel http;
    private final Channel https;

    private SigninServer(EventLoopGroup group, Channel http, Channel https) {
        this.group = group;
        this.http = http;
        this.https = https;
    }

    /**
     * Prepares TLS (loading or generating the key), binds both listeners and returns once they accept.
     *
     * @param sipcAdvertised the SIP-C address clients must connect to; its host is also the host of the URLs the
     *     navigation config hands out, so it must be a concrete address or name, not a wildcard
     * @throws IOException if a listener cannot be bound or a configured key cannot be read
     * @throws GeneralSecurityException if a configured key store or key is unusable
     */
    public static SigninServer start(HostAndPort httpListen, HostAndPort httpsListen, HostAndPort sipcAdvertised,
            AccountDirectory directory, LoginGuard guard, SigninTls tls) throws IOException, GeneralSecurityException {
        Objects.requireNonNull(httpListen, "httpListen");
        Objects.requireNonNull(httpsListen, "httpsListen");
        Objects.requireNonNull(sipcAdvertised, "sipcAdvertised");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(tls, "tls");
        if (isWildcard(sipcAdvertised.host())) {
            throw new IllegalArgumentException("the advertised SIP-C address must be one clients can reach, not "
                    + sipcAdvertised);
        }
        SslContext sslContext = tls.newServerContext(sipcAdvertised.host());
        EventLoopGroup group = new NioEventLoopGroup(IO_THREADS, new DefaultThreadFactory("signin"));
        Channel https = null;
        try {
            https = bind(group, httpsListen, new SigninChannelInitializer(Optional.of(sslContext),
                    new SsiEndpoint(directory, guard, new SecureRandom())));
            int httpsPort = ((InetSocketAddress) https.localAddress()).getPort();
            Channel http = bind(group, httpListen, new SigninChannelInitializer(Optional.empty(),
                    new NavigationEndpoint(sipcAdvertised, httpsPort)));
            SigninServer server = new SigninServer(group, http, https);
            LOG.info("sign-in endpoints: navigation on http {}, SSI on https {} ({}), advertising SIP-C {}",
                    server.httpAddress(), server.httpsAddress(), tls.protocols(), sipcAdvertised);
            return server;
        } catch (IOException | RuntimeException e) {
            if (https != null) {
                https.close().syncUninterruptibly();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw e;
        }
    }

    private static Channel bind(EventLoopGroup group, HostAndPort listen, SigninChannelInitializer initializer)
            throws IOException {
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true) // one small answer, then close
                .childHandler(initializer)
                .bind(listen.toSocketAddress())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot listen on " + listen, bound.cause());
        }
        return bound.channel();
    }

    private static boolean isWildcard(String host) {
        if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
            return false; // a name: taken as the clients see it
        }
        try {
            return InetAddress.getByName(host).isAnyLocalAddress(); // a literal: no lookup
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }

    /** The bound navigation (HTTP) address, with the real port when 0 was asked for. */
    public HostAndPort httpAddress() {
        return HostAndPort.of((InetSocketAddress) http.localAddress());
    }

    /** The bound SSI (HTTPS) address, with the real port when 0 was asked for. */
    public HostAndPort httpsAddress() {
        return HostAndPort.of((InetSocketAddress) https.localAddress());
    }

    /** Stops both listeners and closes every open connection; waits for the event loop to end. */
    @Override
    public void close() {
        http.close().syncUninterruptibly();
        https.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
