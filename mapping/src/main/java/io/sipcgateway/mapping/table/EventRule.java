package io.sipcgateway.mapping.table;

import io.sipcgateway.sipc.SipcVersion;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code N:} on {@code SUB}/{@code BN} ↔ SIP {@code Event:} (RFC 3265 section 7.2.1; reference sections 5.1, 5.2).
 * Several SIP-C packages are all {@code presence} in SIP; the way back picks the client version's own package:
 * {@code presence} for SIP-C/2.0, {@code PresenceV4} for SIP-C/4.0. Packages with no SIP analogue ({@code contact},
 * {@code SyncUserInfoV4}, {@code Conversation}, {@code registration}, {@code PGGroup}, {@code SystemNotifyV4}) have
 * no row: the gateway keeps them to itself.
 */
public enum EventRule {
    /** v2 buddy presence: {@code SUB} lists the contacts (section 5.1, CAPTURE {@code 139-login}). */
    PRESENCE("presence", "presence", SipcVersion.V2),
    /** v4 buddy presence: the whole contact list, implicitly; BN bodies keyed by user-id (section 5.1, LOCAL-RUN). */
    PRESENCE_V4("PresenceV4", "presence", SipcVersion.V4),
    /** Permanent-group presence: the group URI is the resource list (RFC 4662). Read only. */
    PG_PRESENCE("PGPresence", "presence", null),
    /** PyFetion's v2 compact list subscription (section 5.1, CODE). Read only. */
    COMPACT_LIST("compactlist", "presence", null);

    private static final Map<String, EventRule> BY_SIPC = new HashMap<>();
    private static final Map<String, EventRule> BY_SIP_AND_VERSION = new HashMap<>();

    static {
        for (EventRule rule : values()) {
            if (BY_SIPC.put(rule.sipc.toLowerCase(Locale.ROOT), rule) != null) {
                throw new ExceptionInInitializerError("two rows for SIP-C event " + rule.sipc);
            }
            if (rule.preferredFor != null
                    && BY_SIP_AND_VERSION.put(key(rule.sip, rule.preferredFor), rule) != null) {
                throw new ExceptionInInitializerError("two preferred rows for " + rule.sip + " " + rule.preferredFor);
            }
        }
    }

    private final String sipc;
    private final String sip;
    private final SipcVersion preferredFor;

    EventRule(String sipc, String sip, SipcVersion preferredFor) {
        this.sipc = sipc;
        this.sip = sip;
        this.preferredFor = preferredFor;
    }

    /** The {@code N:} token as clients send it, e.g. {@code PresenceV4}. */
    public String sipc() {
        return sipc;
    }

    /** The SIP event package, e.g. {@code presence}. */
    public String sip() {
        return sip;
    }

    /** The client version for which this row is the preferred reverse, if any. */
    public Optional<SipcVersion> preferredFor() {
        return Optional.ofNullable(preferredFor);
    }

    /** The row for an {@code N:} value; tokens match case-insensitively (clients disagree on case). */
    public static Optional<EventRule> forSipc(String event) {
        return Optional.ofNullable(BY_SIPC.get(event.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The preferred row for a SIP {@code Event:} value (parameters such as {@code ;id=} ignored) and the client's
     * version; versions other than 2.0 and 4.0 read as 4.0, the newer protocol.
     */
    public static Optional<EventRule> forSip(String event, SipcVersion version) {
        String pkg = event.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        SipcVersion v = SipcVersion.V2.equals(version) ? SipcVersion.V2 : SipcVersion.V4;
        return Optional.ofNullable(BY_SIP_AND_VERSION.get(key(pkg, v)));
    }

    private static String key(String sip, SipcVersion version) {
        return sip + ' ' + version;
    }
}
