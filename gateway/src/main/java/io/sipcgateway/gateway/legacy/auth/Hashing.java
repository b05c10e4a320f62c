package io.sipcgateway.gateway.legacy.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 and SHA-1 over concatenated parts, and the upper-case hex the protocol writes (section 7.1). */
final class Hashing {
    static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Hashing() {
    }

    static byte[] md5(byte[]... parts) {
        return digest("MD5", parts);
    }

    static byte[] sha1(byte[]... parts) {
        return digest("SHA-1", parts);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] digest(String algorithm, byte[]... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
