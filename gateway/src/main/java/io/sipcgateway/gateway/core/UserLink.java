package io.sipcgateway.gateway.core;

import io.sipcgateway.gateway.legacy.SignedInUser;
import io.sipcgateway.mapping.CoreContext;
import io.sipcgateway.mapping.Correlation;
import io.sipcgateway.mapping.LegacyContext;
import io.sipcgateway.mapping.presence.Presence;
import io.sipcgateway.sipc.SipcRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * One signed-in user's state toward the core: the translation context (with its correlation, which every
 * translation returns changed), the registration and its refresh, and the subscriptions to restore after a core
 * outage. Guarded by its own monitor; every bound is a constant here.
 */
final class UserLink {
    /** Legacy {@code I} of the gateway's own REGISTER dialog for this user. */
    static final String REGISTER_CALL_ID = "register";
    /** Legacy {@code I} of the gateway's own PUBLISH of this user's presence. */
    static final String PRESENCE_CALL_ID = "presence";
    /**
     * Page-mode MESSAGE links pile up (real clients take a new {@code I} per message); keep the newest, which late
     * answers can still find. 32 covers a user's messages within the core timeout; 256 made every active user hold
     * ~60 KB of links living minutes, which the relay benchmark showed promoted to the old generation.
     */
    static final int MAX_LINKS = 32;
    /** A v2 buddy-list SUB per group plus a few; more is a misbehaving client. */
    static final int MAX_SUBSCRIPTIONS = 64;

    final SignedInUser user;
    private LegacyContext context;
    private long registerCseq;
    private boolean registered;
    private boolean everRegistered;
    private boolean closed;
    private long presenceCseq;
    private Presence presence;
    private String etag;
    private ScheduledFuture<?> refresh;
    private final Map<String, SipcRequest> subscriptions = new LinkedHashMap<>();

    UserLink(SignedInUser user, LegacyContext context) {
        this.user = user;
        this.context = context;
        this.presence = user.presence();
    }

    synchronized LegacyContext legacyContext() {
        return context;
    }

    synchronized CoreContext coreContext() {
        return context.asCoreContext();
    }

    /** Takes the correlation a translation returned, pruned so a long session cannot grow it without bound. */
    synchronized void update(Correlation next) {
        context = context.withCorrelation(prune(next));
    }

    private Correlation prune(Correlation next) {
        List<Correlation.Link> links = next.links();
        if (links.size() <= MAX_LINKS) {
            return next;
        }
        Set<String> kept = subscriptions.keySet();
        List<Correlation.Link> pruned = new ArrayList<>(MAX_LINKS);
        int excess = links.size() - MAX_LINKS;
        for (Correlation.Link link : links) {
            boolean durable = kept.contains(link.legacyCallId()) || REGISTER_CALL_ID.equals(link.legacyCallId())
                    || PRESENCE_CALL_ID.equals(link.legacyCallId());
            if (excess > 0 && !durable) {
                excess--;
            } else {
                pruned.add(link);
            }
        }
        return new Correlation(pruned);
    }

    /** Forgets the SIP dialogs of a legacy {@code I}, so the next translation opens new ones. */
    synchronized void dropLinks(String legacyCallId) {
        List<Correlation.Link> kept = context.correlation().links().stream()
                .filter(l -> !l.legacyCallId().equals(legacyCallId)).toList();
        context = context.withCorrelation(new Correlation(kept));
    }

    synchronized long nextRegisterCseq() {
        return ++registerCseq;
    }

    synchronized boolean registered() {
        return registered;
    }

    /** Records the outcome of a REGISTER; returns what changed (first success, recovery, or nothing). */
    synchronized Registration registered(boolean value) {
        boolean was = registered;
        registered = value;
        if (!value || was) {
            return Registration.UNCHANGED;
        }
        Registration change = everRegistered ? Registration.RECOVERED : Registration.FIRST;
        everRegistered = true;
        return change;
    }

    enum Registration { FIRST, RECOVERED, UNCHANGED }

    /** The presence to publish: what the client logged in with, then each SetPresence it sent. */
    synchronized Presence presence() {
        return presence;
    }

    synchronized void presence(Presence value) {
        presence = value;
    }

    /** The entity tag of the user's publication at the core (RFC 3903 4.1), once the core has given one. */
    synchronized Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    synchronized void etag(String value) {
        etag = value;
    }

    synchronized long nextPresenceCseq() {
        return ++presenceCseq;
    }

    /** Forgets that the core holds this user's binding (it restarted); the next success is a recovery. */
    synchronized void lost() {
        registered = false;
    }

    /** Remembers an active SUB (by its {@code I}) to refresh and restore; {@code X: 0} forgets it. */
    synchronized boolean rememberSubscription(SipcRequest sub) {
        String callId = sub.callId().orElse("");
        if (!subscriptions.containsKey(callId) && subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            return false;
        }
        subscriptions.put(callId, sub);
        return true;
    }

    synchronized void forgetSubscription(String legacyCallId) {
        subscriptions.remove(legacyCallId);
    }

    synchronized List<SipcRequest> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    synchronized void refresh(ScheduledFuture<?> next) {
        if (refresh != null) {
            refresh.cancel(false);
        }
        refresh = closed ? null : next;
        if (closed && next != null) {
            next.cancel(false);
        }
    }

    /** Stops timers; true the first time. */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        if (refresh != null) {
            refresh.cancel(false);
        }
        return true;
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
