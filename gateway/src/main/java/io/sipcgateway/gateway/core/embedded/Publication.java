package io.sipcgateway.gateway.core.embedded;

import java.util.Objects;

/**
 * One piece of event state published for a presentity (RFC 3903 4): identified by its current entity-tag, replaced
 * with a fresh tag on every refresh or modify. {@code modifiedAtNanos} is the time of the last body change, which
 * picks the document watchers see when a presentity has several publications.
 */
record Publication(Aor presentity, String etag, PresenceDocument document, long modifiedAtNanos,
        long expiresAtNanos) implements Expiring {
    Publication {
        Objects.requireNonNull(presentity, "presentity");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(document, "document");
    }

    boolean liveAt(long nowNanos) {
        return expiresAtNanos - nowNanos > 0;
    }
}
