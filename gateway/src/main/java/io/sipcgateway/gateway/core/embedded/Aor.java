package io.sipcgateway.gateway.core.embedded;

import java.util.Locale;
import java.util.Objects;

/**
 * An address-of-record the core is responsible for: {@code sip:user@domain} with the domain in canonical form (our
 * configured domain for every local alias). The user part stays case-sensitive (RFC 3261 19.1.4).
 */
record Aor(String user, String domain) {
    Aor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(domain, "domain");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("an AOR needs a user part");
        }
        domain = domain.toLowerCase(Locale.ROOT);
    }

    String uri() {
        return "sip:" + user + "@" + domain;
    }

    @Override
    public String toString() {
        return uri();
    }
}
