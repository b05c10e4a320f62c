package io.sipcgateway.gateway.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sip.ClientTransaction;
import javax.sip.ObjectInUseException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to the core in client transactions and completes a future with the final response. Every wait is
 * bounded: a request the core does not answer within the configured timeout completes exceptionally with a
 * {@link java.util.concurrent.TimeoutException} (the caller answers the legacy client 504), and a transport failure
 * completes it with {@link CoreUnreachableException} (503). Pending transactions live in a bounded Caffeine cache
 * that also expires entries, so nothing waits or grows forever.
 *
 * <p>jain-sip's send path takes locks and may block in a socket write ({@code SipProviderImpl.getNewClientTransaction},
 * {@code TCPMessageChannel.sendMessage}); called from Netty's event loops it stalled every legacy connection sharing
 * the loop (337 of 355 monitor waits of 20 ms or more in a relay profile, BENCHMARKS.md). So every send and every
 * answer to the core runs on {@link SendLanes}: {@link #LANES} threads of their own, one per user (by the request's
 * From), in the order submitted, each behind a queue of at most {@link #MAX_QUEUED}{@code / LANES} tasks. When a
 * lane is full the request fails at once with {@link CoreOverloadedException} (the legacy client gets 503) instead
 * of growing memory without bound.
 */
public final class CoreSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoreSender.class);
    /** Far above any real load (about 2,000 requests/s times an 8 s timeout); the cache evicts past it. */
    static final long MAX_PENDING = 100_000;
    /** Sends waiting for the sender threads: about 5 s of traffic at the gateway's measured peak (BENCHMARKS.md). */
    static final int MAX_QUEUED = 20_000;
    /**
     * Requests to the core at once, queued or sent and unanswered; past it a legacy request gets 503 at once. Each
     * one holds a jain-sip transaction and its messages (about 20 KB of heap). Without this bound a stall of a
     * second or two at 2,000 msg/s piled up 15,000 of them, the live heap grew to 600 MB, young collections took
     * 100-300 ms, and the gateway never caught up (BENCHMARKS.md, "Overload does not recover"). 5,000 is 2.5 s of
     * the measured peak: room for bursts, and a bound on what overload can cost.
     */
    static final int MAX_OUTSTANDING = 5_000;
    /** Sender threads: as many as the legacy side's event loops on a small machine (2 per core, at least 4). */
    static final int LANES = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final CoreStack stack;
    private final Duration timeout;
    private final Cache<String, CompletableFuture<Response>> pending;
    private final SendLanes sending;
    private final LongAdder stray = new LongAdder();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final int maxOutstanding;
    private volatile Runnable onFailure = () -> { };

    public CoreSender(CoreStack stack, Duration timeout) {
        this(stack, timeout, LANES, MAX_QUEUED / LANES, MAX_OUTSTANDING);
    }

    /** With {@code lanes} sender threads of {@code maxQueued} queued sends each (tests reach the limit). */
    CoreSender(CoreStack stack, Duration timeout, int lanes, int maxQueued) {
        this(stack, timeout, lanes, maxQueued, MAX_OUTSTANDING);
    }

    /** With at most {@code maxOutstanding} requests to the core at once (tests reach the limit). */
    CoreSender(CoreStack stack, Duration timeout, int lanes, int maxQueued, int maxOutstanding) {
        this.stack = Objects.requireNonNull(stack, "stack");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxOutstanding = maxOutstanding;
        this.pending = Caffeine.newBuilder()
                .maximumSize(MAX_PENDING)
                .expireAfterWrite(timeout.multipliedBy(2))
                .build();
        this.sending = new SendLanes(lanes, maxQueued);
    }

    /**
     * Sends {@code request} statefully on the sender thread; the future completes with the final response
     * (provisionals are skipped), and never later than the timeout. The caller does not wait for the send.
     */
    public CompletableFuture<Response> send(Request request) {
        CompletableFuture<Response> future = new CompletableFuture<>();
        if (outstanding.incrementAndGet() > maxOutstanding) {
            outstanding.decrementAndGet();
            future.completeExceptionally(new CoreOverloadedException(maxOutstanding
                    + " requests already wait for the core"));
            return future;
        }
        try {
            sending.execute(laneKey(request), () -> sendNow(request, future));
        } catch (RejectedExecutionException e) {
            outstanding.decrementAndGet();
            future.completeExceptionally(new CoreOverloadedException(sending.isClosed()
                    ? "the core side is closed" : sending.queued() + " sends already queued for the core"));
            return future;
        }
        return future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((response, error) -> {
            outstanding.decrementAndGet();
            if (error instanceof CoreUnreachableException) {
                onFailure.run();
            }
        });
    }

    /** Requests to the core now, queued or sent and unanswered (for metrics and tests). */
    public int outstanding() {
        return outstanding.get();
    }

    /**
     * Runs {@code task} (answering a core request, typically) on {@code key}'s sender thread, after everything queued
     * there before it. Returns false, and does not run it, if that queue is full or the sender is closed.
     */
    public boolean execute(String key, Runnable task) {
        try {
            sending.execute(key, task);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("dropping a task for the core: {}", sending.isClosed() ? "closed" : "queue full");
            return false;
        }
    }

    /** The lane of a request: its From URI, so that one user's requests leave in the order they were made. */
    static String laneKey(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return from == null ? "" : from.getAddress().getURI().toString();
    }

    /** Final responses that matched no pending request (late, after a timeout, or stray), since start. */
    public long strayResponses() {
        return stray.sum();
    }

    /** Sends waiting for the sender thread now (for metrics and tests). */
    public int queued() {
        return sending.queued();
    }

    private void sendNow(Request request, CompletableFuture<Response> future) {
        if (future.isDone()) {
            return; // timed out while queued
        }
        ClientTransaction transaction;
        try {
            transaction = stack.provider().getNewClientTransaction(request);
        } catch (SipException | RuntimeException e) {
            future.completeExceptionally(new CoreUnreachableException("cannot create transaction: " + e, e));
            return;
        }
        String branch = transaction.getBranchId();
        pending.put(branch, future);
        future.whenComplete((response, error) -> {
            pending.invalidate(branch);
            if (error instanceof TimeoutException) {
                terminate(transaction);
            }
        });
        try {
            transaction.sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.warn("sending {} to the core failed: {}", request.getMethod(), e.toString());
            future.completeExceptionally(new CoreUnreachableException("core unreachable: " + e.getMessage(), e));
        }
    }

    /**
     * Ends a client transaction the gateway gave up on (the legacy client already has its 504), so that jain-sip
     * drops it at its next tick instead of keeping it until Timer F (32 s): under overload the table would otherwise
     * hold 32 s of requests, and a late answer to one of them is then a stray that {@link StrayResponseValve} drops.
     */
    private static void terminate(ClientTransaction transaction) {
        try {
            transaction.terminate();
        } catch (ObjectInUseException | RuntimeException e) {
            LOG.debug("cannot end a timed-out transaction: {}", e.toString());
        }
    }

    /**
     * Called when the core cannot be reached (a refused or broken connection), so that the health probe treats its
     * next answer as a recovery: a core restarted between two probes has forgotten every binding. A timeout is not
     * reported: under overload it would make the gateway re-register every user into the overloaded core (seen in
     * the load runs, BENCHMARKS.md); a core that is silently gone is found by the OPTIONS probe.
     */
    void onFailure(Runnable listener) {
        this.onFailure = listener;
    }

    void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction transaction = event.getClientTransaction();
        if (response.getStatusCode() < 200) {
            return;
        }
        CompletableFuture<Response> future = transaction == null ? null : pending.getIfPresent(
                transaction.getBranchId());
        if (future == null) {
            stray.increment();
            LOG.debug("late or stray {} from the core for {}", response.getStatusCode(),
                    response.getHeader("Call-ID"));
            return;
        }
        future.complete(response);
    }

    void onTimeout(TimeoutEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null) {
            return;
        }
        CompletableFuture<Response> future = pending.getIfPresent(transaction.getBranchId());
        if (future != null) {
            future.completeExceptionally(new CoreUnreachableException("no answer from the core (transaction timer)",
                    null));
        }
    }

    /** How many requests wait for the core now (for metrics and tests). */
    public long pendingCount() {
        pending.cleanUp();
        return pending.estimatedSize();
    }

    public CoreStack stack() {
        return stack;
    }

    /** Stops the sender thread; sends still queued are dropped and their futures time out as usual. */
    @Override
    public void close() {
        sending.close();
    }

    /** Too many sends are queued for the core (or the gateway is closing): the legacy client gets 503. */
    public static final class CoreOverloadedException extends Exception {
        private static final long serialVersionUID = 1L;

        public CoreOverloadedException(String message) {
            super(message);
        }
    }

    /** The core could not be reached or gave no transaction-level answer. */
    public static final class CoreUnreachableException extends Exception {
        private static final long serialVersionUID = 1L;

        public CoreUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
