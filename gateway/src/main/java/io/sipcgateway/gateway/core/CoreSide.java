package io.sipcgateway.gateway.core;

import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.inspect.TranslationRecorder;
import io.sipcgateway.gateway.legacy.CoreBridge;
import io.sipcgateway.mapping.HostPort;
import io.sipcgateway.mapping.identity.IdentityDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core half of the gateway, assembled in one place: the jain-sip stack, the sender, the listener, the bridge
 * the legacy sessions use, the handler for the core's requests, and the health probe. One timer thread runs every
 * refresh, retry and expiry, so nothing here blocks a jain-sip or Netty thread.
 */
public final class CoreSide implements AutoCloseable {
    /** How long a legacy client has to answer a core request (an incoming M) before the core gets 408. */
    public static final Duration LEGACY_ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger TIMER_IDS = new AtomicInteger();

    private final CoreStack stack;
    private final CoreSender sender;
    private final SipCoreBridge bridge;
    private final CoreHealth health;
    private final UserLinks links;
    private final PendingLegacyAnswers pending;
    private final ScheduledExecutorService timers;

    private CoreSide(CoreStack stack, CoreSender sender, SipCoreBridge bridge, CoreHealth health, UserLinks links,
            PendingLegacyAnswers pending, ScheduledExecutorService timers) {
        this.stack = stack;
        this.sender = sender;
        this.bridge = bridge;
        this.health = health;
        this.links = links;
        this.pending = pending;
        this.timers = timers;
    }

    /**
     * Starts the stack on {@code sipListen} toward {@code core} and everything on top of it.
     *
     * @param domain the core's SIP domain (legacy users are {@code sip:<sid>@domain} there)
     */
    public static CoreSide start(HostAndPort sipListen, CoreTarget.Remote core, String domain,
            IdentityDirectory identities, Duration registrationExpiry, Duration coreTimeout, SecureRandom random,
            Clock clock, TranslationRecorder recorder) throws Exception {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "core-timers-" + TIMER_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CoreSipListener listener = new CoreSipListener();
        CoreStack stack;
        try {
            stack = CoreStack.start(sipListen, core, listener);
        } catch (Exception e) {
            timers.shutdownNow();
            throw e;
        }
        CoreSender sender = new CoreSender(stack, coreTimeout);
        UserLinks links = new UserLinks();
        RandomIds ids = new RandomIds(random, sipListen.host());
        HostPort gateway = new HostPort(sipListen.host(), sipListen.port(),
                core.transport().name().toUpperCase(Locale.ROOT));
        SipCoreBridge bridge = new SipCoreBridge(sender, links, new SipCoreBridge.Environment(domain, gateway, ids,
                clock, identities, registrationExpiry, recorder), timers, stack.headerFactory());
        CoreInbound[] inbound = new CoreInbound[1];
        PendingLegacyAnswers pending = new PendingLegacyAnswers(LEGACY_ANSWER_TIMEOUT, Ticker.systemTicker(),
                Runnable::run, Scheduler.forScheduledExecutorService(timers), p -> inbound[0].expired(p));
        inbound[0] = new CoreInbound(stack, sender, links, pending, ids, recorder);
        bridge.inbound(inbound[0]);
        listener.bind(sender, inbound[0]);
        CoreHealth health = new CoreHealth(stack, sender, bridge::coreRecovered);
        sender.onFailure(health::suspect);
        health.start(timers);
        return new CoreSide(stack, sender, bridge, health, links, pending, timers);
    }

    /** What the legacy sessions call. */
    public CoreBridge bridge() {
        return bridge;
    }

    public boolean coreReachable() {
        return health.reachable();
    }

    /** Users with a link to the core (for metrics and tests). */
    public int linkedUsers() {
        return links.size();
    }

    /** Users whose registration the core has accepted. */
    public long registeredUsers() {
        return links.all().stream().filter(UserLink::registered).count();
    }

    public long pendingCoreRequests() {
        return sender.pendingCount();
    }

    /** jain-sip's live client and server transactions, and the core's answers that matched nothing. */
    public int coreClientTransactions() {
        return stack.clientTransactions();
    }

    public int coreServerTransactions() {
        return stack.serverTransactions();
    }

    public long strayCoreResponses() {
        return sender.strayResponses() + stack.unmatchedResponses();
    }

    /** Sends queued for the sender thread, not yet handed to jain-sip. */
    public int queuedCoreSends() {
        return sender.queued();
    }

    public long pendingLegacyAnswers() {
        return pending.size();
    }

    public HostAndPort address() {
        return stack.address();
    }

    @Override
    public void close() {
        health.close();
        timers.shutdownNow();
        sender.close();
        stack.close();
    }
}
