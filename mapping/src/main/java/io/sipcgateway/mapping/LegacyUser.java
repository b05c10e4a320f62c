package io.sipcgateway.mapping;

import io.sipcgateway.sipc.SipcVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * The legacy user whose connection a translation is for.
 *
 * @param sid the Fetion number
 * @param userId the v4 user-id, if known
 * @param version the protocol the client speaks; it picks {@code presence} or {@code PresenceV4}, body shapes and
 *     the {@code 401} phrase
 */
public record LegacyUser(String sid, Optional<String> userId, SipcVersion version) {
    public LegacyUser {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(version, "version");
    }
}
