package io.sipcgateway.gateway.core;

import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.HostAndPort;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * The gateway's jain-sip stack toward the core: one stack, UDP and TCP listening points on the same address, one
 * provider, and every request sent through the core as the outbound proxy (so the core routes, as for any UA). The
 * stack logs through SLF4J, never log4j (jain-sip-ri declares log4j 1.x only as {@code provided}).
 */
public final class CoreStack implements AutoCloseable {
    private static final AtomicInteger STACK_IDS = new AtomicInteger();

    private final SipStack stack;
    private final SipProvider provider;
    private final HostAndPort address;
    private final CoreTarget.Remote core;
    private final MessageFactory messageFactory;
    private final HeaderFactory headerFactory;
    private final AddressFactory addressFactory;

    private CoreStack(SipStack stack, SipProvider provider, HostAndPort address, CoreTarget.Remote core)
            throws PeerUnavailableException {
        this.stack = stack;
        this.provider = provider;
        this.address = address;
        this.core = core;
        SipFactory factory = SipFactory.getInstance();
        this.messageFactory = factory.createMessageFactory();
        this.headerFactory = factory.createHeaderFactory();
        this.addressFactory = factory.createAddressFactory();
    }

    /**
     * Starts a stack listening on {@code listen} (UDP and TCP; port 0 is not allowed, since both transports must
     * share one port that the core can route back to) and sending through {@code core}.
     */
    public static CoreStack start(HostAndPort listen, CoreTarget.Remote core, SipListener listener)
            throws Exception {
        Objects.requireNonNull(listener, "listener");
        if (listen.port() == 0) {
            throw new IllegalArgumentException("the SIP listen port must be fixed, not 0");
        }
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "sipc-gateway-" + STACK_IDS.incrementAndGet());
        properties.setProperty("javax.sip.OUTBOUND_PROXY", core.address().host() + ":" + core.address().port()
                + "/" + core.transport().name().toLowerCase(Locale.ROOT));
        // The gateway keeps its own correlation state (STYLE 5.8); jain-sip dialogs would be a second copy.
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "1048576");
        properties.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "4");
        // What the core sends is parsed by one reader thread and queued, unbounded, for the 4 threads above; jain-sip's
        // auditor drops what waited longer than this. Its default, 8 s, let an overloaded gateway hold 8 s of parsed
        // messages (156,000 queued nodes, a 500 MB live heap, 100-300 ms young pauses), which kept it from ever
        // catching up (BENCHMARKS.md, "Overload does not recover"). Past 2 s the answer is useless anyway: the legacy
        // client's request is answered 504 after the core timeout, and the core's own transaction times out.
        properties.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "2000");
        // The default timer is one java.util.Timer: every transaction schedules its timeout (Timer F, 32 s) on one
        // synchronized heap, and a cancelled task stays there until it would have fired, so under relay load the
        // heap holds 32 s of transactions. The executor-based timer removes cancelled tasks (purged periodically).
        properties.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME",
                "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        // Late answers must not make jain-sip scan every client transaction (StrayResponseValve says why).
        properties.setProperty(StrayResponseValve.PROPERTY, StrayResponseValve.class.getName());
        properties.setProperty(Slf4jStackLogger.STACK_LOGGER_PROPERTY, Slf4jStackLogger.class.getName());
        properties.setProperty(Slf4jServerLogger.SERVER_LOGGER_PROPERTY, Slf4jServerLogger.class.getName());
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        SipStack stack = factory.createSipStack(properties);
        List<ListeningPoint> points = new ArrayList<>();
        try {
            points.add(stack.createListeningPoint(listen.host(), listen.port(), ListeningPoint.UDP));
            points.add(stack.createListeningPoint(listen.host(), listen.port(), ListeningPoint.TCP));
            SipProvider provider = stack.createSipProvider(points.get(0));
            provider.addListeningPoint(points.get(1));
            provider.addSipListener(listener);
            stack.start();
            return new CoreStack(stack, provider, listen, core);
        } catch (Exception e) {
            stack.stop();
            throw new IOException("cannot listen on " + listen + " (the SIP side toward the core, --sip-listen): "
                    + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** jain-sip's live client transactions (sent requests not yet cleaned up), for metrics. */
    public int clientTransactions() {
        return stack instanceof SIPTransactionStack s ? s.getClientTransactionTableSize() : 0;
    }

    /** jain-sip's live server transactions (core requests not yet cleaned up), for metrics. */
    public int serverTransactions() {
        return stack instanceof SIPTransactionStack s ? s.getServerTransactionTableSize() : 0;
    }

    /** Core answers dropped because they matched no client transaction (late, after a timeout, or stray). */
    public long unmatchedResponses() {
        if (stack instanceof SIPTransactionStack s) {
            for (SIPMessageValve valve : s.sipMessageValves) {
                if (valve instanceof StrayResponseValve stray) {
                    return stray.dropped();
                }
            }
        }
        return 0;
    }

    public SipProvider provider() {
        return provider;
    }

    /** The address the core reaches the gateway at (Via, Contact, Path). */
    public HostAndPort address() {
        return address;
    }

    public CoreTarget.Remote core() {
        return core;
    }

    public MessageFactory messageFactory() {
        return messageFactory;
    }

    public HeaderFactory headerFactory() {
        return headerFactory;
    }

    public AddressFactory addressFactory() {
        return addressFactory;
    }

    @Override
    public void close() {
        stack.stop();
    }
}
