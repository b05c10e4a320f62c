package io.sipcgateway.gateway.core.embedded;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the embedded core can be told, with defaults that mirror the Kamailio test core
 * ({@code registrar max_expires 3600 / min_expires 10}, {@code tm fr_timer 5000}). Every store is bounded here.
 *
 * @param host the address to bind and to put in Via/Contact (a literal; loopback by default)
 * @param port the port for every transport; 0 picks one that is free for all of them
 * @param domain the SIP domain served: {@code sip:user@domain} AORs are ours (so is {@code host})
 * @param transports {@code "udp"} and/or {@code "tcp"}, lower case
 * @param minExpires shortest registration/publication/subscription granted, seconds
 * @param maxExpires longest granted, seconds (longer requests are shortened to this)
 * @param defaultExpires granted when the request names none (RFC 3261 10.3, RFC 3856 6.4: 3600)
 * @param maxAors AORs with bindings (LRU-ish eviction beyond: Caffeine {@code maximumSize})
 * @param maxContactsPerAor bindings per AOR; more gets {@code 503}
 * @param maxPublications PUBLISHed documents held
 * @param maxSubscriptions presence subscriptions held
 * @param maxPendingRelays MESSAGE relays awaiting a final response
 * @param relayTimeout how long a relayed MESSAGE may wait for the callee before the caller gets {@code 408}
 * @param maxMessageSize largest SIP message read from TCP (jain-sip {@code MAX_MESSAGE_SIZE}), bytes
 */
public record EmbeddedCoreConfig(String host, int port, String domain, Set<String> transports, int minExpires,
        int maxExpires, int defaultExpires, int maxAors, int maxContactsPerAor, int maxPublications,
        int maxSubscriptions, int maxPendingRelays, Duration relayTimeout, int maxMessageSize) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final Set<String> DEFAULT_TRANSPORTS = Set.of("udp", "tcp");
    public static final int DEFAULT_MIN_EXPIRES = 10;
    public static final int DEFAULT_MAX_EXPIRES = 3600;
    public static final int DEFAULT_EXPIRES = 3600;
    public static final int DEFAULT_MAX_AORS = 10_000;
    public static final int DEFAULT_MAX_CONTACTS_PER_AOR = 10;
    public static final int DEFAULT_MAX_PUBLICATIONS = 10_000;
    public static final int DEFAULT_MAX_SUBSCRIPTIONS = 50_000;
    public static final int DEFAULT_MAX_PENDING_RELAYS = 10_000;
    public static final Duration DEFAULT_RELAY_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;

    public EmbeddedCoreConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(relayTimeout, "relayTimeout");
        domain = domain.toLowerCase(Locale.ROOT);
        transports = Set.copyOf(transports);
        if (transports.isEmpty() || !DEFAULT_TRANSPORTS.containsAll(transports)) {
            throw new IllegalArgumentException("transports must be a non-empty subset of udp, tcp: " + transports);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (minExpires < 1 || maxExpires < minExpires || defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("need 1 <= minExpires <= defaultExpires <= maxExpires: "
                    + minExpires + ", " + defaultExpires + ", " + maxExpires);
        }
        positive("maxAors", maxAors);
        positive("maxContactsPerAor", maxContactsPerAor);
        positive("maxPublications", maxPublications);
        positive("maxSubscriptions", maxSubscriptions);
        positive("maxPendingRelays", maxPendingRelays);
        if (relayTimeout.isNegative() || relayTimeout.isZero()) {
            throw new IllegalArgumentException("relayTimeout must be > 0: " + relayTimeout);
        }
        if (maxMessageSize < 4096) {
            throw new IllegalArgumentException("maxMessageSize must be >= 4096 (jain-sip's floor): " + maxMessageSize);
        }
    }

    /** Loopback, a free port, UDP and TCP, every other value at its default. */
    public static EmbeddedCoreConfig loopback(String domain) {
        return new EmbeddedCoreConfig(LOOPBACK, 0, domain, DEFAULT_TRANSPORTS, DEFAULT_MIN_EXPIRES,
                DEFAULT_MAX_EXPIRES, DEFAULT_EXPIRES, DEFAULT_MAX_AORS, DEFAULT_MAX_CONTACTS_PER_AOR,
                DEFAULT_MAX_PUBLICATIONS, DEFAULT_MAX_SUBSCRIPTIONS, DEFAULT_MAX_PENDING_RELAYS,
                DEFAULT_RELAY_TIMEOUT, DEFAULT_MAX_MESSAGE_SIZE);
    }

    public EmbeddedCoreConfig withAddress(String newHost, int newPort) {
        return new EmbeddedCoreConfig(newHost, newPort, domain, transports, minExpires, maxExpires, defaultExpires,
                maxAors, maxContactsPerAor, maxPublications, maxSubscriptions, maxPendingRelays, relayTimeout,
                maxMessageSize);
    }

    public EmbeddedCoreConfig withTransports(Set<String> newTransports) {
        return new EmbeddedCoreConfig(host, port, domain, newTransports, minExpires, maxExpires, defaultExpires,
                maxAors, maxContactsPerAor, maxPublications, maxSubscriptions, maxPendingRelays, relayTimeout,
                maxMessageSize);
    }

    public EmbeddedCoreConfig withExpires(int newMin, int newDefault, int newMax) {
        return new EmbeddedCoreConfig(host, port, domain, transports, newMin, newMax, newDefault, maxAors,
                maxContactsPerAor, maxPublications, maxSubscriptions, maxPendingRelays, relayTimeout,
                maxMessageSize);
    }

    public EmbeddedCoreConfig withMaxContactsPerAor(int value) {
        return new EmbeddedCoreConfig(host, port, domain, transports, minExpires, maxExpires, defaultExpires,
                maxAors, value, maxPublications, maxSubscriptions, maxPendingRelays, relayTimeout, maxMessageSize);
    }

    public EmbeddedCoreConfig withRelayTimeout(Duration value) {
        return new EmbeddedCoreConfig(host, port, domain, transports, minExpires, maxExpires, defaultExpires,
                maxAors, maxContactsPerAor, maxPublications, maxSubscriptions, maxPendingRelays, value,
                maxMessageSize);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }
}
