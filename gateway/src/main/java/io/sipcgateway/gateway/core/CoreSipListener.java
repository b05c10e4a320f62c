package io.sipcgateway.gateway.core;

import java.util.Objects;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one jain-sip listener (STYLE 5.8): it only dispatches. Responses and timeouts go to the
 * {@link CoreSender}; requests get a server transaction (which absorbs UDP retransmissions, RFC 3261 17.2) and go to
 * the {@link CoreRequestHandler}. A retransmission of a request already in a transaction is dropped here.
 */
public final class CoreSipListener implements javax.sip.SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(CoreSipListener.class);

    private volatile CoreSender sender;
    private volatile CoreRequestHandler requests;

    /** Connects the listener once the stack exists (the stack needs the listener first). */
    public void bind(CoreSender coreSender, CoreRequestHandler requestHandler) {
        this.sender = Objects.requireNonNull(coreSender, "coreSender");
        this.requests = Objects.requireNonNull(requestHandler, "requestHandler");
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            return; // the gateway sends no INVITE-2xx toward the core, so an ACK is for nothing of ours
        }
        ServerTransaction transaction = event.getServerTransaction();
        try {
            if (transaction == null) {
                transaction = ((SipProvider) event.getSource()).getNewServerTransaction(request);
            }
        } catch (TransactionAlreadyExistsException e) {
            return; // a retransmission; the transaction in progress answers it
        } catch (SipException e) {
            LOG.warn("cannot take {} from the core: {}", request.getMethod(), e.toString());
            return;
        }
        CoreRequestHandler handler = requests;
        if (handler == null) {
            LOG.warn("{} from the core before the gateway was ready; dropped", request.getMethod());
            return;
        }
        handler.onRequest(request, transaction);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        CoreSender s = sender;
        if (s != null) {
            s.onResponse(event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        CoreSender s = sender;
        if (s != null) {
            s.onTimeout(event);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.warn("transport error toward {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Nothing to release: pending futures are completed or expired by CoreSender.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // Automatic dialog support is off; the gateway keeps its own dialog state.
    }
}
