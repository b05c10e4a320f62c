package io.sipcgateway.gateway.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
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
 */
public final class CoreSender {
    private static final Logger LOG = LoggerFactory.getLogger(CoreSender.class);
    /** Far above any real load (about 2,000 requests/s times an 8 s timeout); the cache evicts past it. */
    static final long MAX_PENDING = 100_000;

    private final CoreStack stack;
    private final Duration timeout;
    private final Cache<String, CompletableFuture<Response>> pending;
    private volatile Runnable onFailure = () -> { };

    public CoreSender(CoreStack stack, Duration timeout) {
        this.stack = Objects.requireNonNull(stack, "stack");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.pending = Caffeine.newBuilder()
                .maximumSize(MAX_PENDING)
                .expireAfterWrite(timeout.multipliedBy(2))
                .build();
    }

    /** Sends {@code request} statefully; the future completes with the final response (provisionals are skipped). */
    public CompletableFuture<Response> send(Request request) {
        CompletableFuture<Response> future = new CompletableFuture<>();
        ClientTransaction transaction;
        try {
            transaction = stack.provider().getNewClientTransaction(request);
        } catch (SipException e) {
            future.completeExceptionally(new CoreUnreachableException("cannot create transaction: " + e, e));
            return future;
        }
        String branch = transaction.getBranchId();
        pending.put(branch, future);
        future.whenComplete((response, error) -> pending.invalidate(branch));
        try {
            transaction.sendRequest();
        } catch (SipException e) {
            LOG.warn("sending {} to the core failed: {}", request.getMethod(), e.toString());
            future.completeExceptionally(new CoreUnreachableException("core unreachable: " + e.getMessage(), e));
            onFailure.run();
            return future;
        }
        return future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((response, error) -> {
            if (error instanceof CoreUnreachableException) {
                onFailure.run();
            }
        });
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

    /** Sends a request outside any transaction (an ACK), for which no answer comes. */
    public void sendStateless(Request request) throws SipException {
        stack.provider().sendRequest(request);
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

    /** The core could not be reached or gave no transaction-level answer. */
    public static final class CoreUnreachableException extends Exception {
        private static final long serialVersionUID = 1L;

        public CoreUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
