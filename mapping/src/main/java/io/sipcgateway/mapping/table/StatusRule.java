package io.sipcgateway.mapping.table;

import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * SIP-C status code ↔ SIP status code (reference section 1.1; RFC 3261 section 21). Where several rows share a code
 * on one side, the row marked preferred for that side is the one read from it: SIP 200 comes back as SIP-C
 * {@code 200 OK}, and the caller picks {@link #SEND_SMS_OK} itself for the SMS forms (section 6.1); SIP 202, 415,
 * 488 and 600 have no SIP-C code of their own and fold into 200, 400, 406 and 486. Reason phrases on the SIP-C side
 * come from {@link SipcStatus#of(int, SipcVersion)}, so a v4 client gets the misspelt {@code 401 Unauthoried} it
 * matches on. Codes outside the table map by class ({@link #sipcCodeFor}, {@link #sipCodeFor}).
 */
public enum StatusRule {
    TRYING(100, 100, "Trying", Preferred.BOTH),
    OK(200, 200, "OK", Preferred.BOTH),
    /** RFC 3265 section 3.1.6.1 / RFC 3428 section 7: 202 for SUBSCRIBE and MESSAGE. */
    ACCEPTED(200, 202, "Accepted", Preferred.TOWARD_SIPC),
    /** Section 6.1: the SMS forms are answered {@code 280 Send SMS OK} (WIRE sample 73). */
    SEND_SMS_OK(280, 200, "OK", Preferred.TOWARD_SIP),
    BAD_REQUEST(400, 400, "Bad Request", Preferred.BOTH),
    UNSUPPORTED_MEDIA_TYPE(400, 415, "Unsupported Media Type", Preferred.TOWARD_SIPC),
    REQUEST_ENTITY_TOO_LARGE(400, 413, "Request Entity Too Large", Preferred.TOWARD_SIPC),
    UNAUTHORIZED(401, 401, "Unauthorized", Preferred.BOTH),
    PROXY_AUTHENTICATION_REQUIRED(401, 407, "Proxy Authentication Required", Preferred.TOWARD_SIPC),
    FORBIDDEN(403, 403, "Forbidden", Preferred.BOTH),
    NOT_FOUND(404, 404, "Not Found", Preferred.BOTH),
    NOT_ACCEPTABLE(406, 406, "Not Acceptable", Preferred.BOTH),
    NOT_ACCEPTABLE_HERE(406, 488, "Not Acceptable Here", Preferred.TOWARD_SIPC),
    REQUEST_TIMEOUT(408, 408, "Request Timeout", Preferred.BOTH),
    /** Section 1.1: captcha needed (with {@code W: Verify}); CODE, KF. */
    BAD_EXTENSION(420, 420, "Bad Extension", Preferred.BOTH),
    EXTENSION_REQUIRED(421, 421, "Extension Required", Preferred.BOTH),
    /** Account suspended (SSI only). */
    ACCOUNT_SUSPENDED(433, 403, "Forbidden", Preferred.TOWARD_SIP),
    TEMPORARILY_UNAVAILABLE(480, 480, "Temporarily Unavailable", Preferred.BOTH),
    BUSY_HERE(486, 486, "Busy Here", Preferred.BOTH),
    BUSY_EVERYWHERE(486, 600, "Busy Everywhere", Preferred.TOWARD_SIPC),
    SERVER_INTERNAL_ERROR(500, 500, "Server Internal Error", Preferred.BOTH),
    NOT_IMPLEMENTED(501, 501, "Not Implemented", Preferred.BOTH),
    SERVICE_UNAVAILABLE(503, 503, "Service Unavailable", Preferred.BOTH),
    SERVER_TIMEOUT(504, 504, "Server Time-out", Preferred.BOTH),
    /** AddBuddy: the buddy already exists (section 1.1, PF2). */
    ALREADY_EXISTS(521, 403, "Forbidden", Preferred.TOWARD_SIP),
    /** Not a Fetion user / no subscription (section 1.1, PF2 retries as AddMobileBuddy). */
    NO_SUBSCRIPTION(522, 404, "Not Found", Preferred.TOWARD_SIP);

    /** Which side's code this row is read from when that code has several rows. */
    public enum Preferred { BOTH, TOWARD_SIP, TOWARD_SIPC }

    private static final Map<Integer, StatusRule> BY_SIPC = new HashMap<>();
    private static final Map<Integer, StatusRule> BY_SIP = new HashMap<>();

    static {
        for (StatusRule rule : values()) {
            if (rule.preferred != Preferred.TOWARD_SIPC && BY_SIPC.put(rule.sipcCode, rule) != null) {
                throw new ExceptionInInitializerError("two preferred rows for SIP-C " + rule.sipcCode);
            }
            if (rule.preferred != Preferred.TOWARD_SIP && BY_SIP.put(rule.sipCode, rule) != null) {
                throw new ExceptionInInitializerError("two preferred rows for SIP " + rule.sipCode);
            }
        }
        for (StatusRule rule : values()) {
            if (!BY_SIPC.containsKey(rule.sipcCode) || !BY_SIP.containsKey(rule.sipCode)) {
                throw new ExceptionInInitializerError("no preferred row to read " + rule + " back");
            }
        }
    }

    private final int sipcCode;
    private final int sipCode;
    private final String sipReason;
    private final Preferred preferred;

    StatusRule(int sipcCode, int sipCode, String sipReason, Preferred preferred) {
        this.sipcCode = sipcCode;
        this.sipCode = sipCode;
        this.sipReason = sipReason;
        this.preferred = preferred;
    }

    public int sipcCode() {
        return sipcCode;
    }

    public int sipCode() {
        return sipCode;
    }

    /** The RFC 3261 reason phrase for {@link #sipCode()}. */
    public String sipReason() {
        return sipReason;
    }

    /** The preferred reverse: true if a SIP-C code is read through this row ({@code preferredReverse} of SIP). */
    public boolean preferredTowardSip() {
        return preferred != Preferred.TOWARD_SIPC;
    }

    /** True if a SIP code is read through this row. */
    public boolean preferredTowardSipc() {
        return preferred != Preferred.TOWARD_SIP;
    }

    /** The SIP-C status, with the phrase a client of {@code version} expects. */
    public SipcStatus sipcStatus(SipcVersion version) {
        return SipcStatus.of(sipcCode, version);
    }

    /** The row a SIP-C code is read through, or the row of its class ({@code x00}), or 500. */
    public static StatusRule forSipc(int sipcCode) {
        StatusRule rule = BY_SIPC.get(sipcCode);
        if (rule == null) {
            rule = BY_SIPC.getOrDefault(sipcCode / 100 * 100, SERVER_INTERNAL_ERROR);
        }
        return rule;
    }

    /**
     * The row a SIP code is read through; outside the table by class: 1xx → 100, 2xx → 200, 3xx → 480 (a legacy
     * client cannot follow a redirect), 4xx → 400, 5xx → 500, 6xx → 486.
     */
    public static StatusRule forSip(int sipCode) {
        StatusRule rule = BY_SIP.get(sipCode);
        if (rule != null) {
            return rule;
        }
        return switch (sipCode / 100) {
            case 1 -> TRYING;
            case 2 -> OK;
            case 3 -> TEMPORARILY_UNAVAILABLE;
            case 4 -> BAD_REQUEST;
            case 6 -> BUSY_HERE;
            default -> SERVER_INTERNAL_ERROR;
        };
    }

    /** Convenience: the SIP code for a SIP-C code. */
    public static int sipCodeFor(int sipcCode) {
        return forSipc(sipcCode).sipCode;
    }

    /** Convenience: the SIP-C code for a SIP code. */
    public static int sipcCodeFor(int sipCode) {
        return forSip(sipCode).sipcCode;
    }
}
