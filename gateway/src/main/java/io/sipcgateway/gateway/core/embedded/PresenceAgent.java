package io.sipcgateway.gateway.core.embedded;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence agent: PUBLISH goes to the {@link EventStateCompositor}, SUBSCRIBE is handled here as notifier
 * (RFC 6665 4.2.1, RFC 3856 6): 200 plus an immediate NOTIFY, refresh, {@code Expires: 0} unsubscribe and fetch
 * with a final {@code terminated} NOTIFY, expiry with {@code reason=timeout}. Every watcher is authorized (as
 * Kamailio's {@code force_active=1}).
 */
final class PresenceAgent {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceAgent.class);

    private final SipMessages sip;
    private final LocalDomain domain;
    private final EmbeddedCoreConfig config;
    private final SubscriptionRegistry subscriptions;
    private final EventStateCompositor compositor;
    private final Notifier notifier;

    PresenceAgent(SipMessages sip, LocalDomain domain, EmbeddedCoreConfig config, RegistryTiming timing) {
        this.sip = Objects.requireNonNull(sip, "sip");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.config = Objects.requireNonNull(config, "config");
        // The registries call back into this agent when Caffeine expires or evicts an entry.
        this.subscriptions = new SubscriptionRegistry(config.maxSubscriptions(), timing, this::subscriptionEvicted);
        PublicationRegistry publications =
                new PublicationRegistry(config.maxPublications(), timing, this::publicationEvicted);
        this.compositor = new EventStateCompositor(sip, publications, domain, config, this::stateChanged);
        this.notifier = new Notifier(sip, subscriptions, compositor::current);
    }

    void publish(ServerTransaction st, Request request) throws ParseException, InvalidArgumentException {
        compositor.handle(st, request);
    }

    void subscribe(ServerTransaction st, Request request) throws ParseException, InvalidArgumentException {
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        if (event == null) {
            sip.reply(st, Response.BAD_REQUEST, "Missing Event header");
            return;
        }
        // RFC 6665 4.2.1.1 / 8.2.2: unknown package -> 489 with Allow-Events.
        if (!Notifier.PRESENCE.equalsIgnoreCase(event.getEventType())) {
            sip.reply(st, Response.BAD_EVENT, null, sip.headers().createAllowEventsHeader(Notifier.PRESENCE));
            return;
        }
        // RFC 3856 6.7: PIDF is the format; a watcher that cannot take it gets 406 (RFC 3261 21.4.7).
        if (!acceptsPidf(request)) {
            sip.reply(st, Response.NOT_ACCEPTABLE, null, sip.headers().createAcceptHeader("application", "pidf+xml"));
            return;
        }
        int requested = SipMessages.expiresHeader(request);
        long expires = requested < 0 ? config.defaultExpires() : Math.min(requested, config.maxExpires());
        if (expires > 0 && expires < config.minExpires()) {
            // RFC 6665 4.2.1.1: too short may be refused with 423 and Min-Expires.
            sip.reply(st, Response.INTERVAL_TOO_BRIEF, null,
                    sip.headers().createMinExpiresHeader(config.minExpires()));
            return;
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            initial(st, request, expires);
        } else {
            inDialog(st, request, to.getTag(), expires);
        }
    }

    /** RFC 6665 4.2.1.1 (and 4.4.3 for {@code Expires: 0}, a fetch). */
    private void initial(ServerTransaction st, Request request, long expires)
            throws ParseException, InvalidArgumentException {
        if (!domain.isLocal(request.getRequestURI())) {
            sip.reply(st, Response.FORBIDDEN, "Not our domain");
            return;
        }
        Optional<Aor> presentity = domain.aorOf(request.getRequestURI());
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (presentity.isEmpty()) {
            sip.reply(st, Response.NOT_FOUND, "No such presentity");
            return;
        }
        if (from.getTag() == null || contact == null || contact.isWildCard()) {
            sip.reply(st, Response.BAD_REQUEST, "SUBSCRIBE needs a From tag and a Contact");
            return;
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        SubscriptionKey key = new SubscriptionKey(callId, SipMessages.newTag(), from.getTag());
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        Subscription subscription = new Subscription(key, presentity.get(), to.getAddress().toString(),
                from.getAddress().toString(), contact.getAddress().getURI().toString(), recordRoutes(request),
                subscriptions.now() + TimeUnit.SECONDS.toNanos(expires), 0, false, false);
        ok(st, request, key.localTag(), expires);
        if (expires == 0) {
            notifier.notifyTerminated(subscription, "timeout");
            return;
        }
        subscriptions.put(subscription);
        LOG.debug("SUBSCRIBE {} -> {} for {}s", from.getAddress(), presentity.get(), expires);
        notifier.notifyActive(key);
    }

    /** RFC 6665 4.2.1.2 refresh and 4.2.1.4 unsubscribe; an unknown dialog is 481 (RFC 3261 12.2.2). */
    private void inDialog(ServerTransaction st, Request request, String localTag, long expires)
            throws ParseException, InvalidArgumentException {
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        String remoteTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        SubscriptionKey key = new SubscriptionKey(callId, localTag, remoteTag == null ? "" : remoteTag);
        if (expires == 0) {
            Optional<Subscription> removed = subscriptions.remove(key);
            if (removed.isEmpty()) {
                sip.reply(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "Subscription does not exist");
                return;
            }
            ok(st, request, localTag, 0);
            notifier.notifyTerminated(removed.get(), "timeout");
            return;
        }
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        Optional<Subscription> current = subscriptions.get(key);
        String target = contact == null ? current.map(Subscription::remoteTarget).orElse("")
                : contact.getAddress().getURI().toString();
        Optional<Subscription> refreshed = subscriptions.refresh(key,
                subscriptions.now() + TimeUnit.SECONDS.toNanos(expires), target);
        if (refreshed.isEmpty()) {
            sip.reply(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "Subscription does not exist");
            return;
        }
        ok(st, request, localTag, expires);
        notifier.notifyActive(key);
    }

    /** 200, not 202 (RFC 6665 8.3.1 deprecates 202; Kamailio's {@code subs_respond_200}), with our Contact. */
    private void ok(ServerTransaction st, Request request, String localTag, long expires)
            throws ParseException, InvalidArgumentException {
        Response response = sip.response(request, Response.OK, null);
        ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(localTag);
        response.addHeader(sip.headers().createExpiresHeader((int) expires));
        response.addHeader(sip.coreContact(receivedOver(st)));
        sip.send(st, response);
    }

    void onNotifyResponse(Response response) {
        notifier.onResponse(response);
    }

    void onNotifyTimeout(Request notify) {
        notifier.onTimeout(notify);
    }

    private void stateChanged(Aor presentity) {
        notifier.stateChanged(presentity);
    }

    private void publicationEvicted(Aor presentity) {
        LOG.debug("publication of {} expired", presentity);
        notifier.stateChanged(presentity);
    }

    private void subscriptionEvicted(Subscription subscription, String reason) {
        LOG.debug("subscription {} ended: {}", subscription.key(), reason);
        notifier.notifyTerminated(subscription, reason);
    }

    private static String receivedOver(ServerTransaction st) {
        // jain-sip drops requests without a Via before they get here.
        return ((ViaHeader) st.getRequest().getHeader(ViaHeader.NAME)).getTransport().toLowerCase(Locale.ROOT);
    }

    private static boolean acceptsPidf(Request request) {
        ListIterator<?> it = request.getHeaders(AcceptHeader.NAME);
        if (!it.hasNext()) {
            return true; // RFC 3856 6.7: no Accept means PIDF
        }
        while (it.hasNext()) {
            AcceptHeader accept = (AcceptHeader) it.next();
            String type = accept.getContentType();
            String subType = accept.getContentSubType();
            if (("*".equals(type) || "application".equalsIgnoreCase(type))
                    && ("*".equals(subType) || "pidf+xml".equalsIgnoreCase(subType))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> recordRoutes(Request request) {
        List<String> routes = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            routes.add(((RecordRouteHeader) it.next()).getAddress().toString());
        }
        return routes;
    }
}
