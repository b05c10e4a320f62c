package io.sipcgateway.gateway.client;

import io.sipcgateway.sipc.SipcVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * Who logs in, and how.
 *
 * @param version {@link SipcVersion#V2} or {@link SipcVersion#V4}
 * @param sid the Fetion number, the {@code F} of every request
 * @param userId required for v4: the password hash includes it (section 7.2). Real v4 clients learnt it from the
 *     SSI sign-in ({@code <user user-id=..>}) before the SIP-C login; this client takes it as given
 * @param mobile the v4 R #2 body carries it ({@code <user-info mobile-no>}, sample 03); empty if unknown
 * @param algorithm the v2 digest: the official client's SHA1-sess or the MD5-sess of PF2 and PyFetion
 */
public record ClientLogin(SipcVersion version, String sid, String password, Optional<String> userId,
        Optional<String> mobile, V2Algorithm algorithm) {

    /** The two v2 digest forms of section 7.1. */
    public enum V2Algorithm {
        MD5_SESS,
        SHA1_SESS
    }

    public ClientLogin {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(algorithm, "algorithm");
        if (!SipcVersion.V2.equals(version) && !SipcVersion.V4.equals(version)) {
            throw new IllegalArgumentException("only SIP-C/2.0 and SIP-C/4.0 logins exist, not " + version);
        }
        if (!isNumber(sid)) {
            throw new IllegalArgumentException("a sid is a decimal number, not '" + sid + "'");
        }
        if (SipcVersion.V4.equals(version) && userId.isEmpty()) {
            throw new IllegalArgumentException("a SIP-C/4.0 login needs the user-id: the password hash includes it");
        }
        userId.filter(id -> !isNumber(id)).ifPresent(id -> {
            throw new IllegalArgumentException("a user-id is a decimal number, not '" + id + "'");
        });
    }

    /** A SIP-C/4.0 login (section 7.2). */
    public static ClientLogin v4(String sid, String userId, String password) {
        return new ClientLogin(SipcVersion.V4, sid, password, Optional.of(userId), Optional.empty(),
                V2Algorithm.SHA1_SESS);
    }

    /** A SIP-C/2.0 login (section 7.1) with the digest {@code algorithm}. */
    public static ClientLogin v2(String sid, String password, V2Algorithm algorithm) {
        return new ClientLogin(SipcVersion.V2, sid, password, Optional.empty(), Optional.empty(), algorithm);
    }

    public ClientLogin withMobile(String value) {
        return new ClientLogin(version, sid, password, userId, Optional.of(value), algorithm);
    }

    static boolean isNumber(String value) {
        return !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ClientLogin[" + version + " sid=" + sid + userId.map(id -> " user-id=" + id).orElse("") + "]";
    }
}
