package io.sipcgateway.gateway.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the core with OPTIONS (RFC 3261 11) every {@link #INTERVAL} and tracks whether it answers. When it
 * answers again after an outage, every user is re-registered and every subscription restored, since a restarted
 * core (Kamailio keeps registrations in memory here) has forgotten them; waiting for the next refresh would leave
 * users unreachable for minutes. The state also feeds {@code /health}.
 */
final class CoreHealth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoreHealth.class);
    static final Duration INTERVAL = Duration.ofSeconds(3);

    private final CoreStack stack;
    private final CoreSender sender;
    private final Runnable onRecovered;
    private volatile boolean reachable = true;
    private volatile Instant lastAnswer = Instant.EPOCH;
    private ScheduledFuture<?> task;
    private long sequence;

    CoreHealth(CoreStack stack, CoreSender sender, Runnable onRecovered) {
        this.stack = stack;
        this.sender = sender;
        this.onRecovered = onRecovered;
    }

    void start(ScheduledExecutorService timers) {
        task = timers.scheduleWithFixedDelay(this::probe, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        Request options;
        try {
            options = options();
        } catch (Exception e) {
            LOG.error("cannot build the OPTIONS probe", e);
            return;
        }
        sender.send(options).whenComplete((response, error) -> {
            boolean answered = error == null; // any final answer, even 404, means the core is there
            boolean wasReachable = reachable;
            reachable = answered;
            if (answered) {
                lastAnswer = Instant.now();
                if (!wasReachable) {
                    LOG.info("the core at {} answers again; re-registering users", stack.core());
                    onRecovered.run();
                }
            } else if (wasReachable) {
                LOG.warn("the core at {} does not answer: {}", stack.core(), error.toString());
            }
        });
    }

    private Request options() throws Exception {
        var af = stack.addressFactory();
        var hf = stack.headerFactory();
        String host = stack.address().host();
        SipURI target = af.createSipURI(null, stack.core().address().host());
        target.setPort(stack.core().address().port());
        FromHeader from = hf.createFromHeader(af.createAddress("sip:gateway@" + host), "probe");
        ToHeader to = hf.createToHeader(af.createAddress(target), null);
        CallIdHeader callId = hf.createCallIdHeader("probe-" + (++sequence) + "@" + host);
        CSeqHeader cseq = hf.createCSeqHeader(1L, Request.OPTIONS);
        ViaHeader via = hf.createViaHeader(host, stack.address().port(), stack.core().transport().name(), null);
        return stack.messageFactory().createRequest(target, Request.OPTIONS, callId, cseq, from, to, List.of(via),
                hf.createMaxForwardsHeader(70));
    }

    boolean reachable() {
        return reachable;
    }

    Instant lastAnswer() {
        return lastAnswer;
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
