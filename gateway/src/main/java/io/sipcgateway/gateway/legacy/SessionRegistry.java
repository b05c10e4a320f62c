package io.sipcgateway.gateway.legacy;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The signed-in users, one session per sid: a second login of the same account replaces the first, which is told
 * and closed, as the real server did ({@code BN registration} {@code deregistered}, section 5.2). Entries live
 * exactly as long as their connection (removed on disconnect), so the map is bounded by open connections and needs
 * no expiry.
 */
public final class SessionRegistry {
    private final ConcurrentMap<String, ClientSession> bySid = new ConcurrentHashMap<>();

    /** Registers {@code session} for its sid; returns the session it replaced, if any. */
    Optional<ClientSession> register(String sid, ClientSession session) {
        return Optional.ofNullable(bySid.put(sid, session));
    }

    /** Removes {@code session}, unless a newer session already took its sid. */
    void unregister(String sid, ClientSession session) {
        bySid.remove(sid, session);
    }

    public Optional<ClientSession> find(String sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    public int size() {
        return bySid.size();
    }

    public Collection<ClientSession> sessions() {
        return Collections.unmodifiableCollection(bySid.values());
    }
}
