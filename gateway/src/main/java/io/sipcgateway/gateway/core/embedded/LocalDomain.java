package io.sipcgateway.gateway.core.embedded;

import java.util.Locale;
import java.util.Optional;

import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Which request targets are ours: the configured domain and the core's own host (Kamailio's {@code alias} +
 * {@code uri==myself}). AORs of either spelling map to one {@link Aor} in the configured domain.
 */
record LocalDomain(String domain, String host) {
    LocalDomain {
        domain = domain.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    /** True for a {@code sip:}/{@code sips:} URI whose host is our domain or our own address. */
    boolean isLocal(URI uri) {
        if (!(uri instanceof SipURI sip) || sip.getHost() == null) {
            return false;
        }
        String h = stripBrackets(sip.getHost().toLowerCase(Locale.ROOT));
        return h.equals(domain) || h.equals(stripBrackets(host));
    }

    /** The AOR a local URI with a user part names; empty for foreign or user-less URIs. */
    Optional<Aor> aorOf(URI uri) {
        if (!isLocal(uri)) {
            return Optional.empty();
        }
        String user = ((SipURI) uri).getUser();
        return user == null || user.isEmpty() ? Optional.empty() : Optional.of(new Aor(user, domain));
    }

    private static String stripBrackets(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
