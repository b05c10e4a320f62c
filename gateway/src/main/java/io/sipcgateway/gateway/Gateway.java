package io.sipcgateway.gateway;

import com.github.benmanes.caffeine.cache.Ticker;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.AccountDirectoryLoader;
import io.sipcgateway.gateway.accounts.LoadResult;
import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.GatewayConfig;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.core.AccountIdentities;
import io.sipcgateway.gateway.core.CoreSide;
import io.sipcgateway.gateway.core.embedded.EmbeddedCore;
import io.sipcgateway.gateway.inspect.Inspector;
import io.sipcgateway.gateway.inspect.admin.AdminServer;
import io.sipcgateway.gateway.inspect.admin.HealthReport;
import io.sipcgateway.gateway.inspect.TranslationRecorder;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import io.sipcgateway.gateway.legacy.ClientSession;
import io.sipcgateway.gateway.legacy.LegacyServer;
import io.sipcgateway.gateway.legacy.LegacyServerInitializer;
import io.sipcgateway.gateway.legacy.LoginGuard;
import io.sipcgateway.gateway.legacy.LoginServices;
import io.sipcgateway.gateway.legacy.SessionContext;
import io.sipcgateway.gateway.legacy.SessionObserver;
import io.sipcgateway.gateway.legacy.SessionRegistry;
import io.sipcgateway.gateway.legacy.auth.NonceRegistry;
import io.sipcgateway.gateway.legacy.auth.NonceRegistryConfig;
import io.sipcgateway.gateway.legacy.auth.V2Authenticator;
import io.sipcgateway.gateway.legacy.auth.V4Authenticator;
import io.sipcgateway.gateway.legacy.auth.V4KeyPair;
import io.sipcgateway.gateway.signin.SigninServer;
import io.sipcgateway.gateway.signin.SigninTls;
import io.sipcgateway.sipc.codec.SipcDecoderConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the account directory and legacy logins, the embedded core when no remote one is
 * configured, the core side (jain-sip), and the SIP-C listener. Started from one {@link GatewayConfig}; closing it
 * stops everything in reverse order.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final AccountDirectory directory;
    private final SessionRegistry sessions;
    private final CoreSide core;
    private final LegacyServer legacy;
    private final SigninServer signin;
    private final AdminServer admin;
    private final Optional<EmbeddedCore> embedded;
    private final List<EventLoopGroup> groups;
    private final Inspector inspector;
    private final GatewayMetrics metrics;

    private Gateway(GatewayConfig config, AccountDirectory directory, SessionRegistry sessions, CoreSide core,
            LegacyServer legacy, SigninServer signin, AdminServer admin, Optional<EmbeddedCore> embedded,
            List<EventLoopGroup> groups,
            Inspector inspector, GatewayMetrics metrics) {
        this.config = config;
        this.directory = directory;
        this.sessions = sessions;
        this.core = core;
        this.legacy = legacy;
        this.signin = signin;
        this.admin = admin;
        this.embedded = embedded;
        this.groups = groups;
        this.inspector = inspector;
        this.metrics = metrics;
    }

    /** Connections and sign-ins as gauges. */
    private static SessionObserver observer(GatewayMetrics metrics) {
        return new SessionObserver() {
            @Override
            public void connected() {
                metrics.connections(1);
            }

            @Override
            public void disconnected() {
                metrics.connections(-1);
            }

            @Override
            public void signedIn() {
                metrics.signedIn(1);
            }

            @Override
            public void signedOut() {
                metrics.signedIn(-1);
            }
        };
    }

    public Inspector inspector() {
        return inspector;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    public static Gateway start(GatewayConfig config) throws Exception {
        Objects.requireNonNull(config, "config");
        AccountDirectory directory = loadAccounts(config);
        SecureRandom random = new SecureRandom();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Optional<EmbeddedCore> embedded = Optional.empty();
            CoreTarget.Remote remote;
            if (config.core() instanceof CoreTarget.Embedded e) {
                EmbeddedCore core;
                try {
                    core = EmbeddedCore.start(e.listen().host(), e.listen().port(), config.domain());
                } catch (IOException bindFailure) {
                    throw new IOException("cannot start the embedded core on " + e.listen() + " (--core embedded:"
                            + "HOST:PORT to move it): " + bindFailure.getMessage(), bindFailure);
                }
                started.add(core);
                embedded = Optional.of(core);
                InetSocketAddress at = core.address();
                remote = new CoreTarget.Remote(new HostAndPort(at.getHostString(), at.getPort()),
                        CoreTarget.Transport.TCP);
                LOG.info("embedded SIMPLE core on {} (domain {})", at, config.domain());
            } else {
                remote = (CoreTarget.Remote) config.core();
            }
            GatewayMetrics metrics = GatewayMetrics.create();
            Inspector inspector = Inspector.create(config.inspect().inspectorConfig(), config.inspect().openSinks(),
                    metrics);
            started.add(inspector);
            TranslationRecorder recorder = config.inspect().off() ? TranslationRecorder.metricsOnly(metrics)
                    : TranslationRecorder.to(inspector, Clock.systemUTC(), config.sipcListen().toString(),
                            remote.address().toString(), config.sipListen().toString());
            CoreSide core = CoreSide.start(config.sipListen(), remote, config.domain(),
                    new AccountIdentities(directory), config.registrationExpiry(), config.coreTimeout(), random,
                    Clock.systemUTC(), recorder);
            started.add(core);
            metrics.registrations(core::registeredUsers);
            metrics.cacheSize("core_pending_requests", core::pendingCoreRequests);
            metrics.cacheSize("core_queued_sends", core::queuedCoreSends);
            metrics.registerGauge("sipc_gateway_core_client_transactions",
                    "jain-sip client transactions toward the core not yet cleaned up", core::coreClientTransactions);
            metrics.registerGauge("sipc_gateway_core_server_transactions",
                    "jain-sip server transactions from the core not yet cleaned up", core::coreServerTransactions);
            metrics.registerGauge("sipc_gateway_core_stray_responses",
                    "Final answers from the core that matched no pending request (late or stray), since start",
                    core::strayCoreResponses);
            metrics.cacheSize("legacy_pending_answers", core::pendingLegacyAnswers);

            NonceRegistry nonces = new NonceRegistry(NonceRegistryConfig.DEFAULT, random, Ticker.systemTicker(),
                    Runnable::run);
            LoginGuard guard = LoginGuard.withDefaults(); // one lockout for SSI and SIP-C logins
            LoginServices login = new LoginServices(directory, new V2Authenticator(nonces),
                    new V4Authenticator(V4KeyPair.generate(random), nonces), guard, Clock.systemUTC(), random);
            SessionRegistry sessions = new SessionRegistry();
            SessionContext context = new SessionContext(login, sessions, core.bridge(), config.registrationExpiry(),
                    SessionContext.DEFAULT_LOGIN_IDLE, observer(metrics), recorder);

            EventLoopGroup boss = new NioEventLoopGroup(1);
            EventLoopGroup workers = new NioEventLoopGroup();
            List<EventLoopGroup> groups = List.of(boss, workers);
            LegacyServer legacy;
            try {
                legacy = LegacyServer.bind(config.sipcListen(), boss, workers, new LegacyServerInitializer(
                        SipcDecoderConfig.DEFAULT, connection -> new ClientSession(connection, context), false));
            } catch (Exception e) {
                groups.forEach(EventLoopGroup::shutdownGracefully);
                throw e;
            }
            started.add(() -> {
                legacy.close();
                groups.forEach(g -> g.shutdownGracefully().syncUninterruptibly());
            });
            HostAndPort advertised = config.sipcAdvertise().orElseGet(() -> reachable(legacy.address()));
            SigninServer signin = SigninServer.start(config.httpListen(), config.httpsListen(), advertised, directory,
                    guard, SigninTls.selfSigned());
            started.add(signin);
            AdminServer admin = AdminServer.start(config.adminListen(), inspector, metrics, () -> HealthReport.of(
                    new HealthReport.Check("core", core.coreReachable(), core.coreReachable()
                            ? "answers OPTIONS" : "does not answer OPTIONS"),
                    new HealthReport.Check("sipc-listener", true, legacy.address().toString()),
                    new HealthReport.Check("signin-listeners", true, signin.httpAddress() + " / "
                            + signin.httpsAddress())));
            started.add(admin);
            LOG.info("SIP-C listener on {} (advertised {}); sign-in on http {} / https {}; core {} via {}; admin on {};"
                    + " {} accounts", legacy.address(), advertised, signin.httpAddress(), signin.httpsAddress(),
                    remote, core.address(), admin.address(), directory.size());
            return new Gateway(config, directory, sessions, core, legacy, signin, admin, embedded, groups, inspector,
                    metrics);
        } catch (Exception e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
            throw e;
        }
    }

    private static AccountDirectory loadAccounts(GatewayConfig config) {
        if (config.accounts().isEmpty()) {
            LOG.info("no --accounts file: using the two demo accounts (alice 916000001/alicepw, bob 916000002/bobpw)");
            return AccountDirectory.demo(config.domain());
        }
        LoadResult result = new AccountDirectoryLoader(config.domain()).load(config.accounts().get());
        if (result instanceof LoadResult.Failed failed) {
            throw new IllegalArgumentException(failed.describe());
        }
        return ((LoadResult.Loaded) result).directory();
    }

    /** The bound SIP-C address (the real port when 0 was configured). */
    public HostAndPort legacyAddress() {
        return legacy.address();
    }

    public HostAndPort sipAddress() {
        return core.address();
    }

    public CoreSide core() {
        return core;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public AccountDirectory directory() {
        return directory;
    }

    public GatewayConfig config() {
        return config;
    }

    /** A wildcard listen address as a client can reach it: 127.0.0.1 with the bound port. */
    private static HostAndPort reachable(HostAndPort bound) {
        try {
            return InetAddress.getByName(bound.host()).isAnyLocalAddress()
                    ? new HostAndPort("127.0.0.1", bound.port()) : bound;
        } catch (UnknownHostException e) {
            return bound;
        }
    }

    public SigninServer signin() {
        return signin;
    }

    public AdminServer admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
        signin.close();
        legacy.close();
        groups.forEach(g -> g.shutdownGracefully().syncUninterruptibly());
        core.close();
        inspector.close();
        embedded.ifPresent(EmbeddedCore::close);
    }
}
