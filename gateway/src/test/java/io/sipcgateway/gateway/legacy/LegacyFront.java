package io.sipcgateway.gateway.legacy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.legacy.auth.NonceRegistry;
import io.sipcgateway.gateway.legacy.auth.NonceRegistryConfig;
import io.sipcgateway.gateway.legacy.auth.V2Authenticator;
import io.sipcgateway.gateway.legacy.auth.V4Authenticator;
import io.sipcgateway.gateway.legacy.auth.V4KeyPair;
import io.sipcgateway.sipc.codec.SipcDecoderConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's legacy front for tests, on real TCP: a {@link LegacyServer} on 127.0.0.1 (port 0 unless told),
 * {@link ClientSession}s with the demo accounts ({@code AccountDirectory.demo()}), the real v2 and v4
 * authenticators, and a {@link RecordingCoreBridge} in place of the core.
 *
 * <p>{@link #main} runs one by hand, to try the {@code client} command against:
 * {@code java -cp <test class path> io.sipcgateway.gateway.legacy.LegacyFront [PORT]}.
 */
public final class LegacyFront implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final LegacyServer server;
    private final SessionContext context;
    private final RecordingCoreBridge core;

    /**
     * How the front behaves.
     *
     * @param registrationExpiry the {@code X} of logins and keep-alives
     * @param maxFailures wrong passwords before an account is locked out
     */
    public record Settings(int port, Duration registrationExpiry, Duration loginIdle, int maxFailures) {
        public static final Settings DEFAULT = new Settings(0, Duration.ofSeconds(600),
                SessionContext.DEFAULT_LOGIN_IDLE, LoginGuard.DEFAULT_MAX_FAILURES);

        public Settings withRegistrationExpiry(Duration value) {
            return new Settings(port, value, loginIdle, maxFailures);
        }

        public Settings withMaxFailures(int value) {
            return new Settings(port, registrationExpiry, loginIdle, value);
        }

        public Settings withPort(int value) {
            return new Settings(value, registrationExpiry, loginIdle, maxFailures);
        }
    }

    private LegacyFront(EventLoopGroup boss, EventLoopGroup workers, LegacyServer server, SessionContext context,
            RecordingCoreBridge core) {
        this.boss = boss;
        this.workers = workers;
        this.server = server;
        this.context = context;
        this.core = core;
    }

    /** Binds a front with {@code keys} (generating RSA keys is slow: share one per test class). */
    public static LegacyFront start(V4KeyPair keys, Settings settings) throws InterruptedException {
        Objects.requireNonNull(keys, "keys");
        SecureRandom random = new SecureRandom();
        NonceRegistry nonces = new NonceRegistry(NonceRegistryConfig.DEFAULT, random, Ticker.systemTicker(),
                Runnable::run);
        LoginGuard guard = new LoginGuard(settings.maxFailures(), LoginGuard.DEFAULT_WINDOW, Ticker.systemTicker(),
                Runnable::run);
        LoginServices login = new LoginServices(AccountDirectory.demo(), new V2Authenticator(nonces),
                new V4Authenticator(keys, nonces), guard, Clock.systemUTC(), random);
        RecordingCoreBridge core = new RecordingCoreBridge();
        SessionContext context = new SessionContext(login, new SessionRegistry(), core, settings.registrationExpiry(),
                settings.loginIdle());
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("front-boss", true));
        EventLoopGroup workers = new NioEventLoopGroup(2, new DefaultThreadFactory("front-worker", true));
        LegacyServerInitializer initializer = new LegacyServerInitializer(SipcDecoderConfig.DEFAULT,
                connection -> new ClientSession(connection, context), false);
        try {
            LegacyServer server = LegacyServer.bind(new HostAndPort("127.0.0.1", settings.port()), boss, workers,
                    initializer);
            return new LegacyFront(boss, workers, server, context, core);
        } catch (InterruptedException | RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        } catch (IOException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new UncheckedIOException(e);
        }
    }

    public HostAndPort address() {
        return server.address();
    }

    public String host() {
        return address().host();
    }

    public int port() {
        return address().port();
    }

    public SessionContext context() {
        return context;
    }

    public RecordingCoreBridge core() {
        return core;
    }

    public SessionRegistry registry() {
        return context.registry();
    }

    @Override
    public void close() {
        server.close();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    /** Runs a front on 127.0.0.1:{@code args[0]} (default 8080) until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        LegacyFront front = start(V4KeyPair.generate(new SecureRandom()), Settings.DEFAULT.withPort(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            front.close();
            stopped.countDown();
        }));
        System.out.println("SIP-C front on " + front.address() + " with the demo accounts: alice sid 916000001 "
                + "user-id 300000001 password alicepw; bob sid 916000002 user-id 300000002 password bobpw");
        stopped.await();
    }
}
