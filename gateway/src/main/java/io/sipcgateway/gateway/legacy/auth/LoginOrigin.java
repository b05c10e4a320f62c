package io.sipcgateway.gateway.legacy.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a login comes from and the one before it, for the {@code <client>} element of the login answers.
 *
 * @param publicIp the client's address as the gateway sees it
 * @param lastLoginIp and {@code lastLoginTime}: the previous login; the current one if there was none
 */
public record LoginOrigin(String publicIp, String lastLoginIp, Instant lastLoginTime) {
    /** libofetion copies the addresses into {@code char[17]} in its oldest build ({@code fetion_types.h}). */
    static final int MAX_LEGACY_IP_LENGTH = 15;
    /** {@code 5/8/2010 1:45:21 PM}, the form of sample 06. */
    private static final DateTimeFormatter LEGACY_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US)
            .withZone(ZoneOffset.UTC);

    public LoginOrigin {
        Objects.requireNonNull(publicIp, "publicIp");
        Objects.requireNonNull(lastLoginIp, "lastLoginIp");
        Objects.requireNonNull(lastLoginTime, "lastLoginTime");
    }

    /** A first login: the last login is this one. */
    public static LoginOrigin firstLogin(String publicIp, Instant now) {
        return new LoginOrigin(publicIp, publicIp, now);
    }

    /** The address as a legacy client can hold it: an IPv6 text would overflow its buffer, so it becomes empty. */
    static String legacyIp(String ip) {
        return ip.length() <= MAX_LEGACY_IP_LENGTH ? ip : "";
    }

    String legacyLastLoginTime() {
        return LEGACY_TIME.format(lastLoginTime);
    }
}
