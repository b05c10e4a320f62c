package io.sipcgateway.mapping.table;

import io.sipcgateway.sipc.SipcMethod;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SIP-C method token ↔ SIP method (reference sections 2 and 11). One row per SIP-C token; where several rows share a
 * SIP method, exactly one is the {@code preferredReverse} used on the way back ({@code NOTIFY} comes back as
 * {@code BN}, the server push real clients take; {@code N} is a code-only leftover). {@code S} is a generic RPC
 * whose only SIP analogue is {@code PUBLISH} (RFC 3903) for the presence operations named by {@code N}; every
 * other {@code S} operation has no row and is answered by the gateway (501).
 */
public enum MethodRule {
    REGISTER(SipcMethod.R, "REGISTER", Set.of(), true),
    MESSAGE(SipcMethod.M, "MESSAGE", Set.of(), true),
    SUBSCRIBE(SipcMethod.SUB, "SUBSCRIBE", Set.of(), true),
    /** "BENOTIFY": the server push; the preferred reverse of NOTIFY (section 2, WIRE). */
    BENOTIFY(SipcMethod.BN, "NOTIFY", Set.of(), true),
    /** Seen only in PF2/QFetion code; read, never written. */
    NOTIFY(SipcMethod.N, "NOTIFY", Set.of(), false),
    INVITE(SipcMethod.I, "INVITE", Set.of(), true),
    ACK(SipcMethod.A, "ACK", Set.of(), true),
    BYE(SipcMethod.B, "BYE", Set.of(), true),
    OPTIONS(SipcMethod.O, "OPTIONS", Set.of(), true),
    INFO(SipcMethod.IN, "INFO", Set.of(), true),
    CANCEL(SipcMethod.C, "CANCEL", Set.of(), true),
    /** {@code S} with a presence operation (sections 4.1, 4.2) ↔ PUBLISH {@code Event: presence}. */
    PUBLISH(SipcMethod.S, "PUBLISH", Set.of("SetPresence", "SetPresenceV4", "PGSetPresence"), true);

    private static final Map<String, MethodRule> BY_SIPC = new HashMap<>();
    private static final Map<String, MethodRule> BY_SIP = new HashMap<>();

    static {
        for (MethodRule rule : values()) {
            if (BY_SIPC.put(rule.sipc.token(), rule) != null) {
                throw new ExceptionInInitializerError("two rows for SIP-C method " + rule.sipc);
            }
            if (rule.preferredReverse && BY_SIP.put(rule.sip, rule) != null) {
                throw new ExceptionInInitializerError("two preferred rows for SIP method " + rule.sip);
            }
        }
        Map<String, Boolean> covered = new HashMap<>();
        for (MethodRule rule : values()) {
            covered.merge(rule.sip, rule.preferredReverse, Boolean::logicalOr);
        }
        covered.forEach((sip, ok) -> {
            if (!ok) {
                throw new ExceptionInInitializerError("no preferred row for SIP method " + sip);
            }
        });
    }

    private final SipcMethod sipc;
    private final String sip;
    private final Set<String> operations;
    private final boolean preferredReverse;

    MethodRule(SipcMethod sipc, String sip, Set<String> operations, boolean preferredReverse) {
        this.sipc = sipc;
        this.sip = sip;
        this.operations = operations;
        this.preferredReverse = preferredReverse;
    }

    public SipcMethod sipc() {
        return sipc;
    }

    /** The SIP method name, e.g. {@code MESSAGE}. */
    public String sip() {
        return sip;
    }

    /** The {@code N:} operations the row is limited to; empty means any. */
    public Set<String> operations() {
        return operations;
    }

    public boolean preferredReverse() {
        return preferredReverse;
    }

    /** The row for a SIP-C request: its method and, for {@code S}, its operation ({@code N}). */
    public static Optional<MethodRule> forSipc(SipcMethod method, Optional<String> operation) {
        MethodRule rule = BY_SIPC.get(method.token());
        if (rule == null || rule.operations.isEmpty()) {
            return Optional.ofNullable(rule);
        }
        return operation.filter(rule.operations::contains).map(op -> rule);
    }

    /** The row for a compact token alone, as in {@code Q: 2 M}; operation limits are not checked. */
    public static Optional<MethodRule> forSipcToken(String token) {
        return Optional.ofNullable(BY_SIPC.get(token));
    }

    /** The preferred row for a SIP method ({@code NOTIFY} → {@code BN}). */
    public static Optional<MethodRule> forSip(String method) {
        return Optional.ofNullable(BY_SIP.get(method));
    }
}
