package io.sipcgateway.mapping.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * One legacy user as the directory knows it.
 *
 * @param sid the Fetion number, e.g. {@code 916000001}
 * @param coreAor the user's address of record on the core, e.g. {@code sip:alice@sipc.local}
 * @param userId the v4 user-id that keys {@code PresenceV4} bodies (section 5.2), if known
 * @param partition the opaque {@code p} parameter of the legacy URI (section 11), if known; it is written back on
 *     every URI sent to legacy clients
 * @param mobile the 11-digit mobile number, if known
 */
public record Identity(String sid, String coreAor, Optional<String> userId, Optional<String> partition,
        Optional<String> mobile) {
    public Identity {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(coreAor, "coreAor");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(mobile, "mobile");
        if (sid.isEmpty() || !sid.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("sid must be digits: " + sid);
        }
        if (!coreAor.startsWith("sip:") || coreAor.indexOf('@') < 0) {
            throw new IllegalArgumentException("core AOR must be sip:user@host: " + coreAor);
        }
    }

    /** {@code sip:<sid>@fetion.com.cn;p=<n>}, or without {@code p} when the partition is unknown. */
    public String legacyUri() {
        return "sip:" + sid + '@' + Identities.LEGACY_DOMAIN + partition.map(p -> ";p=" + p).orElse("");
    }
}
