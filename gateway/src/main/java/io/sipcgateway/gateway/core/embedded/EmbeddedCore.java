package io.sipcgateway.gateway.core.embedded;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sip.DialogTerminatedEvent;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;

import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.sipcgateway.gateway.core.Slf4jServerLogger;
import io.sipcgateway.gateway.core.Slf4jStackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process SIP/SIMPLE core on one address (UDP and/or TCP on the same port): registrar, presence agent and
 * MESSAGE relay, enough for two legacy clients behind the gateway to see each other and chat with nothing else
 * installed. What it does and does not do compared with Kamailio: see {@code package-info.java}.
 *
 * <pre>{@code
 * try (EmbeddedCore core = EmbeddedCore.start(EmbeddedCoreConfig.loopback("example.test"))) {
 *     String coreUri = core.uri("udp");   // sip:127.0.0.1:PORT;transport=udp, the --core form
 * }
 * }</pre>
 */
public final class EmbeddedCore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCore.class);
    private static final int BIND_ATTEMPTS = 5;

    private final EmbeddedCoreConfig config;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedCore(EmbeddedCoreConfig config) throws IOException {
        this.config = config;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-core-timer-" + config.port());
            thread.setDaemon(true);
            return thread;
        });
        SipStackImpl created = null;
        try {
            created = new SipStackImpl(stackProperties(config));
            List<ListeningPoint> points = new ArrayList<>();
            for (String transport : config.transports()) {
                points.add(created.createListeningPoint(config.host(), config.port(), transport));
            }
            SipProvider sipProvider = created.createSipProvider(points.get(0));
            for (ListeningPoint point : points.subList(1, points.size())) {
                sipProvider.addListeningPoint(point);
            }
            this.stack = created;
            this.provider = sipProvider;
            wire();
            stack.start();
        } catch (Exception e) {
            timer.shutdownNow();
            if (created != null) {
                stopQuietly(created, null);
            }
            throw e instanceof IOException io ? io : new IOException("embedded core did not start on "
                    + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        LOG.info("embedded SIP core for {} on {}:{} {}", config.domain(), config.host(), config.port(),
                config.transports());
    }

    /** Starts a core; with port 0 it picks a port free for every transport (retrying a few times on a race). */
    public static EmbeddedCore start(EmbeddedCoreConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        IOException last = null;
        for (int attempt = 0; attempt < (config.port() == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            int port = config.port() == 0 ? freePort(config) : config.port();
            try {
                return new EmbeddedCore(config.withAddress(config.host(), port));
            } catch (IOException e) {
                last = e;
                LOG.debug("start on port {} failed: {}", port, e.getMessage());
            }
        }
        throw last;
    }

    /** {@link EmbeddedCoreConfig#loopback} defaults on {@code host:port}, UDP and TCP. */
    public static EmbeddedCore start(String host, int port, String domain) throws IOException {
        return start(EmbeddedCoreConfig.loopback(domain).withAddress(host, port));
    }

    private void wire() throws TooManyListenersException {
        SipMessages sip = new SipMessages(provider, new MessageFactoryImpl(), new HeaderFactoryImpl(),
                new AddressFactoryImpl());
        RegistryTiming timing = new RegistryTiming(Ticker.systemTicker(), timer,
                Scheduler.forScheduledExecutorService(timer));
        LocalDomain domain = new LocalDomain(config.domain(), config.host());
        BindingRegistry bindings = new BindingRegistry(config.maxAors(), timing);
        provider.addSipListener(new EmbeddedCoreListener(sip, new Capabilities(sip),
                new Registrar(sip, bindings, domain, config),
                new PresenceAgent(sip, domain, config, timing),
                new MessageRelay(sip, bindings, domain, config, timing)));
    }

    /** The address the core listens on (every transport shares it). */
    public InetSocketAddress address() {
        return new InetSocketAddress(config.host(), config.port());
    }

    /** The gateway's {@code --core} form: {@code sip:HOST:PORT;transport=udp|tcp}. */
    public String uri(String transport) {
        String t = transport.toLowerCase(Locale.ROOT);
        if (!config.transports().contains(t)) {
            throw new IllegalArgumentException("the core does not run " + transport);
        }
        return "sip:" + config.host() + ":" + config.port() + ";transport=" + t;
    }

    public String domain() {
        return config.domain();
    }

    /** The configuration in force, with the port actually bound. */
    public EmbeddedCoreConfig config() {
        return config;
    }

    /** Stops the stack and every thread the core started. Idempotent. Takes about a second (jain-sip). */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            timer.shutdownNow();
            stopQuietly(stack, provider);
            LOG.info("embedded SIP core on {}:{} stopped", config.host(), config.port());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * {@code SipStackImpl.stop()} flags its event scanner to stop but leaves that non-daemon thread blocked in
     * {@code take()} for ever (RestComm/jain-sip#198), which keeps the JVM alive; one harmless event wakes it up.
     */
    private static void stopQuietly(SipStackImpl stack, SipProvider provider) {
        EventScanner scanner = stack.getEventScanner();
        try {
            stack.stop();
        } catch (RuntimeException e) {
            LOG.warn("jain-sip stop failed", e);
        }
        if (scanner != null) {
            Object source = provider != null ? provider : stack;
            scanner.addEvent(new EventWrapper(new DialogTerminatedEvent(source, null), null));
        }
    }

    private static Properties stackProperties(EmbeddedCoreConfig config) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "embedded-core-" + config.port());
        // Dialog state for subscriptions lives in our registries: no jain-sip dialogs to leak or time out.
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty(Slf4jStackLogger.STACK_LOGGER_PROPERTY, Slf4jStackLogger.class.getName());
        p.setProperty(Slf4jServerLogger.SERVER_LOGGER_PROPERTY, Slf4jServerLogger.class.getName());
        // Bounds: TCP reads are unlimited by default (jain-sip's own warning), so are connections.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.maxMessageSize()));
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "256");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "5000");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "5000");
        p.setProperty("gov.nist.javax.sip.CONNECTION_TIMEOUT", "2000");
        return p;
    }

    /** A port free for TCP and UDP on {@code host} now; the bind that follows may still race (hence retries). */
    private static int freePort(EmbeddedCoreConfig config) throws IOException {
        InetAddress host = InetAddress.getByName(config.host());
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 50, host)) {
                int port = tcp.getLocalPort();
                if (!config.transports().contains("udp")) {
                    return port;
                }
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(host, port))) {
                    return udp.getLocalPort();
                } catch (IOException e) {
                    LOG.trace("port {} busy for UDP", port);
                }
            }
        }
        throw new IOException("no port free for " + config.transports() + " on " + config.host());
    }

    @Override
    public String toString() {
        return "EmbeddedCore[" + config.domain() + " @ " + config.host() + ":" + config.port() + "]";
    }
}
