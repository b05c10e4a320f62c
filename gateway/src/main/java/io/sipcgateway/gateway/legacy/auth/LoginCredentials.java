package io.sipcgateway.gateway.legacy.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The {@code <credentials kernel=".."><credential domain="fetion.com.cn" c=".."/></credentials>} of the v4 login and
 * keep-alive answers (section 7.2 step 5, sample 37). The real values were AES-256-CBC ciphertexts under the
 * client's key; libofetion ignores them and MapleFetion decrypts them, so each must be base64 of a multiple of 16
 * bytes. The gateway has nothing to put inside, so {@link #random} makes opaque random blocks.
 */
public record LoginCredentials(String kernel, String credential) {
    /** The size of each value in the captures (sample 06): three AES blocks. */
    static final int VALUE_BYTES = 48;

    public LoginCredentials {
        requireBlocks(kernel, "kernel");
        requireBlocks(credential, "credential");
    }

    public static LoginCredentials random(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return new LoginCredentials(randomBase64(random), randomBase64(random));
    }

    private static String randomBase64(SecureRandom random) {
        byte[] bytes = new byte[VALUE_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void requireBlocks(String value, String name) {
        Objects.requireNonNull(value, name);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64", e);
        }
        if (bytes.length == 0 || bytes.length % 16 != 0) {
            throw new IllegalArgumentException(name + " must be a positive multiple of 16 bytes, got " + bytes.length);
        }
    }
}
