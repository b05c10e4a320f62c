package io.sipcgateway.gateway.core;

import io.sipcgateway.mapping.identity.Identities;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The signed-in users' core links, by sid and by the user part of their Contact (what the core's requests are
 * addressed to). Bounded by the signed-in sessions: a link is added at sign-in and removed at sign-out.
 */
final class UserLinks {
    private final ConcurrentMap<String, UserLink> bySid = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, UserLink> byContactUser = new ConcurrentHashMap<>();

    /** Adds {@code link}; returns the link it replaced (a newer login of the same account). */
    Optional<UserLink> add(UserLink link) {
        byContactUser.put(contactUser(link), link);
        return Optional.ofNullable(bySid.put(link.user.sid(), link));
    }

    /** Removes {@code link} unless a newer one took its place. */
    boolean remove(UserLink link) {
        byContactUser.remove(contactUser(link), link);
        return bySid.remove(link.user.sid(), link);
    }

    Optional<UserLink> bySid(String sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    /** The link whose Contact user part is {@code user} (the Request-URI user of a core request). */
    Optional<UserLink> byContactUser(String user) {
        return Optional.ofNullable(byContactUser.get(user));
    }

    Collection<UserLink> all() {
        return bySid.values();
    }

    int size() {
        return bySid.size();
    }

    private static String contactUser(UserLink link) {
        return Identities.userOf(link.user.account().coreAor());
    }
}
