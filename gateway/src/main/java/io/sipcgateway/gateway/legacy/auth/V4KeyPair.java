package io.sipcgateway.gateway.legacy.auth;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The gateway's v4 login key: RSA-1024 with public exponent 65537, because the {@code key} of the v4 challenge is
 * exactly 256 hex digits of modulus followed by the 6 hex digits {@code 010001} (section 7.2, sample 02), and
 * libofetion copies those two fields by fixed length. Generated at start, or read from a PKCS#8 PEM file
 * ({@code -----BEGIN PRIVATE KEY-----}, e.g. {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024}).
 */
public final class V4KeyPair {
    public static final int MODULUS_BITS = 1024;
    /** Bytes in one RSA block: the ciphertext of a v4 response. */
    public static final int BLOCK_BYTES = MODULUS_BITS / 8;
    private static final String EXPONENT_HEX = "010001";
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    /** Sent in every challenge; computed once (a login storm asked for it a thousand times a second). */
    private final String keyHex;

    private V4KeyPair(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyHex = Hashing.HEX.formatHex(unsigned(publicKey.getModulus(), BLOCK_BYTES)) + EXPONENT_HEX;
    }

    /** Generates a new key with {@code random}. */
    public static V4KeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(MODULUS_BITS, RSAKeyGenParameterSpec.F4), random);
            KeyPair pair = generator.generateKeyPair();
            return of((RSAPrivateCrtKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has 1024-bit RSA", e);
        }
    }

    /**
     * Reads a PKCS#8 PEM private key.
     *
     * @throws IllegalArgumentException if it is not PKCS#8 PEM, not RSA, or not 1024 bits with exponent 65537
     */
    public static V4KeyPair parsePkcs8Pem(String pem) {
        String text = pem.strip();
        int begin = text.indexOf(PEM_BEGIN);
        int end = text.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("expected a PKCS#8 PEM key (" + PEM_BEGIN + "); convert a PKCS#1 "
                    + "'BEGIN RSA PRIVATE KEY' file with: openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + PEM_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM body is not base64: " + e.getMessage(), e);
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA PKCS#8 private key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the key lacks its CRT parameters (public exponent)");
        }
        return of(crt);
    }

    /** Reads a PKCS#8 PEM private key file. */
    public static V4KeyPair readPkcs8Pem(Path file) throws IOException {
        return parsePkcs8Pem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static V4KeyPair of(RSAPrivateCrtKey key) {
        if (key.getModulus().bitLength() != MODULUS_BITS) {
            throw new IllegalArgumentException("v4 clients need a " + MODULUS_BITS + "-bit RSA key, got "
                    + key.getModulus().bitLength() + " bits");
        }
        if (!key.getPublicExponent().equals(RSAKeyGenParameterSpec.F4)) {
            throw new IllegalArgumentException("v4 clients need public exponent 65537 (" + EXPONENT_HEX + "), got "
                    + key.getPublicExponent());
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new V4KeyPair(key, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has RSA", e);
        }
    }

    /** The key as PKCS#8 PEM, for saving a generated key. */
    public String toPkcs8Pem() {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKey.getEncoded());
        return PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n";
    }

    /** The challenge's {@code key}: 256 upper-case hex digits of modulus, then {@code 010001}. */
    public String keyHex() {
        return keyHex;
    }

    /** SHA1withRSA over {@code text}'s ASCII bytes, as 256 upper-case hex digits. */
    public String signHex(String text) {
        try {
            Signature signature = Signature.getInstance("SHA1withRSA");
            signature.initSign(privateKey);
            signature.update(Hashing.ascii(text));
            return Hashing.HEX.formatHex(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA1withRSA with a valid RSA key cannot fail", e);
        }
    }

    RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == length) {
            return bytes;
        }
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "V4KeyPair[RSA-" + MODULUS_BITS + ", modulus " + keyHex().substring(0, 16) + "...]";
    }
}
