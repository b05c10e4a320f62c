package io.sipcgateway.gateway.core.embedded;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One registered contact of an AOR (RFC 3261 10.3). {@code path} is the RFC 3327 Path vector from the REGISTER, in
 * order; it becomes the Route set of requests relayed to this contact. {@code callId}/{@code cseq} order updates
 * (RFC 3261 10.3 step 7). URIs are kept as text so the record stays immutable; they are parsed when used.
 *
 * @param contactUri the contact URI as registered
 * @param qValue the Contact {@code q} parameter, or empty
 * @param path Path header values ({@code <sip:edge;lr>} name-addrs), first = the proxy nearest the registrar
 * @param callId Call-ID of the REGISTER that last wrote the binding
 * @param cseq CSeq number of that REGISTER
 * @param expiresAtNanos deadline in the registry ticker's time
 */
record Binding(String contactUri, String qValue, List<String> path, String callId, long cseq, long expiresAtNanos)
        implements Expiring {
    Binding {
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(qValue, "qValue");
        Objects.requireNonNull(callId, "callId");
        path = List.copyOf(path);
    }

    boolean liveAt(long nowNanos) {
        return expiresAtNanos - nowNanos > 0;
    }

    /** Seconds left, rounded up, for the {@code expires} parameter of the 200 (RFC 3261 10.3 step 8). */
    long remainingSeconds(long nowNanos) {
        long left = expiresAtNanos - nowNanos;
        return left <= 0 ? 0 : (left + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
