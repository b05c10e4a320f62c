package io.sipcgateway.gateway.core.embedded;

import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends presence NOTIFYs (RFC 6665 4.2.2, RFC 3856) inside the subscription dialogs the core keeps itself (no
 * jain-sip dialogs: {@code AUTOMATIC_DIALOG_SUPPORT} is off), one in flight per subscription, and drops a
 * subscription whose NOTIFY fails with 481, 408, a timeout or a transport error.
 */
final class Notifier {
    static final String PRESENCE = "presence";
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final SipMessages sip;
    private final SubscriptionRegistry subscriptions;
    private final Function<Aor, PresenceDocument> state;

    Notifier(SipMessages sip, SubscriptionRegistry subscriptions, Function<Aor, PresenceDocument> state) {
        this.sip = Objects.requireNonNull(sip, "sip");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** RFC 6665 4.2.2: every watcher of {@code presentity} hears of the change. */
    void stateChanged(Aor presentity) {
        for (Subscription watcher : subscriptions.watchersOf(presentity)) {
            notifyActive(watcher.key());
        }
    }

    /** An active-state NOTIFY with the current document, now or after the one in flight. */
    void notifyActive(SubscriptionKey key) {
        subscriptions.beginNotify(key).ifPresent(this::sendActive);
    }

    /** The final NOTIFY of a subscription already removed (RFC 6665 4.2.2, 4.4.3 for a fetch). */
    void notifyTerminated(Subscription removed, String reason) {
        Subscription last = removed.sending();
        try {
            SubscriptionStateHeader terminated =
                    sip.headers().createSubscriptionStateHeader(SubscriptionStateHeader.TERMINATED);
            terminated.setReasonCode(reason);
            send(last, terminated);
        } catch (ParseException e) {
            LOG.warn("cannot build terminated NOTIFY for {}", last.key(), e);
        }
    }

    void onResponse(Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        SubscriptionKey key = keyOf(response);
        if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            // RFC 6665 4.2.2: a 481 (or a timeout) to a NOTIFY ends the subscription, silently.
            subscriptions.remove(key).ifPresent(s -> LOG.debug("watcher gone ({}): {}", status, key));
            return;
        }
        if (status >= 300) {
            LOG.warn("NOTIFY {} answered {}; keeping the subscription", key, status);
        }
        subscriptions.endNotify(key).ifPresent(this::sendActive);
    }

    void onTimeout(Request notify) {
        SubscriptionKey key = keyOf(notify);
        subscriptions.remove(key).ifPresent(s -> LOG.debug("NOTIFY timed out, subscription dropped: {}", key));
    }

    private void sendActive(Subscription subscription) {
        try {
            SubscriptionStateHeader active =
                    sip.headers().createSubscriptionStateHeader(SubscriptionStateHeader.ACTIVE);
            active.setExpires((int) Math.min(Integer.MAX_VALUE,
                    Math.max(1, subscription.remainingSeconds(subscriptions.now()))));
            send(subscription, active);
        } catch (ParseException | InvalidArgumentException e) {
            LOG.warn("cannot build NOTIFY for {}", subscription.key(), e);
        }
    }

    private void send(Subscription s, SubscriptionStateHeader subscriptionState) {
        try {
            Request notify = build(s, subscriptionState, state.apply(s.presentity()));
            ClientTransaction ct = sip.provider().getNewClientTransaction(notify);
            ct.sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            // A target we cannot reach is a watcher we cannot serve: as for a timeout.
            LOG.debug("NOTIFY to {} not sent ({}); subscription dropped", s.remoteTarget(), e.toString());
            subscriptions.remove(s.key());
        }
    }

    /** RFC 3261 12.2.1.1 request within a dialog, as the UAS of the SUBSCRIBE; headers per RFC 6665 8.1.2. */
    private Request build(Subscription s, SubscriptionStateHeader subscriptionState, PresenceDocument document)
            throws ParseException, InvalidArgumentException, SipException {
        HeaderFactory headers = sip.headers();
        URI target = sip.uri(s.remoteTarget());
        String transport = SipMessages.transportFor(target, s.routeSet(), sip.addresses());
        if (sip.listeningPoint(transport) == null) {
            throw new SipException("the core does not run " + transport);
        }
        CallIdHeader callId = headers.createCallIdHeader(s.key().callId());
        CSeqHeader cseq = headers.createCSeqHeader(s.cseq(), Request.NOTIFY);
        FromHeader from = headers.createFromHeader(sip.address(s.presentityAddress()), s.key().localTag());
        ToHeader to = headers.createToHeader(sip.address(s.watcherAddress()), s.key().remoteTag());
        ContentTypeHeader contentType = (ContentTypeHeader) headers.createHeader(ContentTypeHeader.NAME,
                document.contentType());
        Request notify = sip.messages().createRequest(target, Request.NOTIFY, callId, cseq, from, to,
                List.of(sip.via(transport, SipMessages.newBranch(SipMessages.newToken()))),
                headers.createMaxForwardsHeader(70), contentType, document.body());
        notify.addHeader(headers.createEventHeader(PRESENCE));
        notify.addHeader(subscriptionState);
        notify.addHeader(sip.coreContact(transport));
        for (String route : s.routeSet()) {
            notify.addLast(headers.createRouteHeader(sip.address(route)));
        }
        return notify;
    }

    /** Our NOTIFYs carry our tag in From and the watcher's in To; responses echo both. */
    private static SubscriptionKey keyOf(Message message) {
        return new SubscriptionKey(((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId(),
                ((FromHeader) message.getHeader(FromHeader.NAME)).getTag(),
                ((ToHeader) message.getHeader(ToHeader.NAME)).getTag());
    }
}
