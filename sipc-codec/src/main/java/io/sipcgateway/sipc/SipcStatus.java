package io.sipcgateway.sipc;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A status code and the reason phrase it was sent with. The constants are the codes and phrases reference section
 * 1.1 shows or clients expect; a decoded status keeps the phrase as seen, so {@code 401 Unauthoried} (sic, the v4
 * server's spelling that kopete-fetion, Bressein and hybrid match on) survives a round trip.
 */
public record SipcStatus(int code, String reason) {
    public static final SipcStatus TRYING = new SipcStatus(100, "Trying");
    public static final SipcStatus PARTIAL = new SipcStatus(188, "Partial");
    public static final SipcStatus OK = new SipcStatus(200, "OK");
    public static final SipcStatus SEND_SMS_OK = new SipcStatus(280, "Send SMS OK");
    public static final SipcStatus BAD_REQUEST = new SipcStatus(400, "Bad Request");
    public static final SipcStatus UNAUTHORIZED = new SipcStatus(401, "Unauthorized");
    /** The v4 server's misspelt 401 (FIXTURE, sample 02); v4 clients match on this exact text. */
    public static final SipcStatus UNAUTHORIED_V4 = new SipcStatus(401, "Unauthoried");
    public static final SipcStatus FORBIDDEN = new SipcStatus(403, "Forbidden");
    public static final SipcStatus NOT_FOUND = new SipcStatus(404, "Not Found");
    public static final SipcStatus NOT_ACCEPTABLE = new SipcStatus(406, "Not Acceptable");
    public static final SipcStatus REQUEST_TIMEOUT = new SipcStatus(408, "Request Timeout");
    public static final SipcStatus BAD_EXTENSION = new SipcStatus(420, "Bad Extension");
    public static final SipcStatus EXTENSION_REQUIRED = new SipcStatus(421, "Extension Required");
    public static final SipcStatus ACCOUNT_SUSPENDED = new SipcStatus(433, "Account Suspended");
    public static final SipcStatus REQUEST_FAILURE_444 = new SipcStatus(444, "Request Failure");
    public static final SipcStatus TEMPORARILY_UNAVAILABLE = new SipcStatus(480, "Temporarily Unavailable");
    public static final SipcStatus BUSY_HERE = new SipcStatus(486, "Busy Here");
    public static final SipcStatus REQUEST_FAILURE_494 = new SipcStatus(494, "Request Failure");
    public static final SipcStatus SERVER_ERROR = new SipcStatus(500, "Server Internal Error");
    public static final SipcStatus NOT_IMPLEMENTED = new SipcStatus(501, "Not Implemented");
    public static final SipcStatus SERVICE_UNAVAILABLE = new SipcStatus(503, "Service Unavailable");
    public static final SipcStatus SERVER_TIMEOUT = new SipcStatus(504, "Server Time-out");
    public static final SipcStatus ALREADY_EXISTS = new SipcStatus(521, "Already Exists");
    public static final SipcStatus NO_SUBSCRIPTION = new SipcStatus(522, "No Subscription");

    private static final Map<Integer, SipcStatus> BY_CODE = Stream.of(TRYING, PARTIAL, OK, SEND_SMS_OK, BAD_REQUEST,
            UNAUTHORIZED, FORBIDDEN, NOT_FOUND, NOT_ACCEPTABLE, REQUEST_TIMEOUT, BAD_EXTENSION, EXTENSION_REQUIRED,
            ACCOUNT_SUSPENDED, REQUEST_FAILURE_444, TEMPORARILY_UNAVAILABLE, BUSY_HERE, REQUEST_FAILURE_494,
            SERVER_ERROR, NOT_IMPLEMENTED, SERVICE_UNAVAILABLE, SERVER_TIMEOUT, ALREADY_EXISTS, NO_SUBSCRIPTION)
            .collect(Collectors.toUnmodifiableMap(SipcStatus::code, Function.identity()));

    public SipcStatus {
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("status code out of range: " + code);
        }
        Objects.requireNonNull(reason, "reason");
        if (SipcSyntax.indexOfControl(reason) >= 0) {
            throw new IllegalArgumentException("control character in reason phrase");
        }
    }

    /** The table's status for {@code code}, or one with a generic phrase. */
    public static SipcStatus of(int code) {
        SipcStatus known = BY_CODE.get(code);
        return known != null ? known : new SipcStatus(code, genericReason(code));
    }

    /** The status a server of {@code version} sends for {@code code}: v4 spells 401 as {@code Unauthoried}. */
    public static SipcStatus of(int code, SipcVersion version) {
        return code == 401 && SipcVersion.V4.equals(version) ? UNAUTHORIED_V4 : of(code);
    }

    private static String genericReason(int code) {
        return switch (code / 100) {
            case 1 -> "Provisional";
            case 2 -> "Success";
            case 3 -> "Redirection";
            case 4 -> "Client Error";
            case 5 -> "Server Error";
            default -> "Global Failure";
        };
    }

    public boolean isProvisional() {
        return code < 200;
    }

    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
