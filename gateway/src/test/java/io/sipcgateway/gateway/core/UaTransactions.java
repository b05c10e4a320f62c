package io.sipcgateway.gateway.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The client side of {@link TestSipUa}: each request in its own client transaction, waited for with a bound, and
 * completed by the listener's response, timeout and termination events.
 */
final class UaTransactions {
    private final SipProvider provider;
    private final String user;
    private final Map<ClientTransaction, CompletableFuture<SipOutcome>> pending = new ConcurrentHashMap<>();

    UaTransactions(SipProvider provider, String user) {
        this.provider = provider;
        this.user = user;
    }

    /**
     * Sends {@code request} and waits up to {@code timeout} for its final response.
     *
     * @param t1Millis the retransmit timer T1 for this transaction, or 0 for the stack's default
     */
    SipOutcome send(Request request, Duration timeout, int t1Millis) throws SipException {
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        CompletableFuture<SipOutcome> outcome = new CompletableFuture<>();
        // Registered before sending: on loopback the response can arrive before sendRequest() returns.
        pending.put(transaction, outcome);
        if (t1Millis > 0) {
            transaction.setRetransmitTimer(t1Millis);
        }
        transaction.sendRequest();
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.remove(transaction);
            throw new AssertionError(request.getMethod() + " from " + user + " got no final response within "
                    + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SipException("interrupted waiting for the response to " + request.getMethod(), e);
        } catch (ExecutionException e) {
            throw new SipException("waiting for the response to " + request.getMethod(), e.getCause());
        }
    }

    void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction transaction = event.getClientTransaction();
        if (response.getStatusCode() < 200 || transaction == null) {
            return;
        }
        CompletableFuture<SipOutcome> outcome = pending.remove(transaction);
        if (outcome != null) {
            outcome.complete(new SipOutcome(response.getStatusCode(), response));
        }
    }

    void onTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        CompletableFuture<SipOutcome> outcome = pending.remove(event.getClientTransaction());
        if (outcome != null) {
            // RFC 3261 section 8.1.3.1: a transaction timeout is treated as a 408.
            outcome.complete(new SipOutcome(Response.REQUEST_TIMEOUT, null));
        }
    }

    void onTerminated(TransactionTerminatedEvent event) {
        if (!event.isServerTransaction()) {
            pending.remove(event.getClientTransaction());
        }
    }

    /** Gives up every wait, for {@link TestSipUa#close()}. */
    void cancelAll() {
        pending.values().forEach(f -> f.cancel(false));
    }
}
