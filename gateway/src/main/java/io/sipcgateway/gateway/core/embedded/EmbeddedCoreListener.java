package io.sipcgateway.gateway.core.embedded;

import java.util.Objects;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded core's only {@link SipListener}: it finds the part that owns an event and hands it over. Nothing
 * thrown by a part escapes into jain-sip; the request gets a 500 instead.
 */
final class EmbeddedCoreListener implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCoreListener.class);

    private final SipMessages sip;
    private final Capabilities capabilities;
    private final Registrar registrar;
    private final PresenceAgent presence;
    private final MessageRelay relay;

    EmbeddedCoreListener(SipMessages sip, Capabilities capabilities, Registrar registrar, PresenceAgent presence,
            MessageRelay relay) {
        this.sip = Objects.requireNonNull(sip, "sip");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            return; // we never answer an INVITE, so no ACK is ours (RFC 3261 17.2.1)
        }
        ServerTransaction st = sip.serverTransaction(event);
        if (st == null) {
            return;
        }
        try {
            if (!capabilities.admit(st, request)) {
                return;
            }
            switch (request.getMethod()) {
                case Request.REGISTER -> registrar.handle(st, request);
                case Request.PUBLISH -> presence.publish(st, request);
                case Request.SUBSCRIBE -> presence.subscribe(st, request);
                case Request.MESSAGE -> relay.handle(st, request);
                case Request.OPTIONS -> capabilities.options(st);
                default -> capabilities.reject(st, request);
            }
        } catch (Exception e) {
            LOG.warn("{} failed; answering 500", request.getMethod(), e);
            sip.reply(st, Response.SERVER_INTERNAL_ERROR, null);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null) {
            return; // stray response: nothing of ours is waiting for it
        }
        try {
            switch (method(event.getResponse())) {
                case Request.NOTIFY -> presence.onNotifyResponse(event.getResponse());
                case Request.MESSAGE -> relay.onResponse(ct, event.getResponse());
                default -> LOG.debug("response to {} ignored", method(event.getResponse()));
            }
        } catch (RuntimeException e) {
            LOG.warn("response {} not handled", event.getResponse().getStatusCode(), e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction ct = event.getClientTransaction();
        try {
            switch (ct.getRequest().getMethod()) {
                case Request.NOTIFY -> presence.onNotifyTimeout(ct.getRequest());
                case Request.MESSAGE -> relay.onTimeout(ct);
                default -> LOG.debug("timeout of {} ignored", ct.getRequest().getMethod());
            }
        } catch (RuntimeException e) {
            LOG.warn("timeout not handled", e);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions need no cleanup of ours
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // the core keeps no jain-sip dialogs (AUTOMATIC_DIALOG_SUPPORT off); also the wake-up call on stop
    }

    private static String method(Response response) {
        return ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
    }
}
