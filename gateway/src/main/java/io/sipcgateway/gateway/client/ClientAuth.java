package io.sipcgateway.gateway.client;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import javax.crypto.Cipher;

/**
 * What a legacy client computes to log in (reference section 7), written from the client sources the reference
 * cites and independently of the gateway's verifying side ({@code legacy.auth}), so that tests of one check the
 * other. Hex output is upper-case, as every client writes it.
 * <pre>
 * v2 MD5-sess:  K = MD5(sid ":fetion.com.cn:" password)
 * v2 SHA1-sess: K = SHA1(sid ":fetion.com.cn:" SHA1(salt || SHA1(password)))
 *               H1 = HEX(MD5(K ":" nonce ":" cnonce)), H2 = HEX(MD5("REGISTER:" sid)),
 *               response = HEX(MD5(H1 ":" nonce ":" H2))                             (section 7.1)
 * v4:           response = HEX(RSA_PKCS1v1.5(key, nonce || SHA1(le32(user-id) || SHA1("fetion.com.cn:" password))
 *                                                || aeskey))                                   (section 7.2)
 * </pre>
 */
public final class ClientAuth {
    /** The v4 {@code A} algorithm (sample 03). */
    public static final String V4_ALGORITHM = "SHA1-sess-v4";
    /** PyFetion's fixed SHA1-sess salt, {@code "wzm\x03"}; the official client sent a per-user constant. */
    public static final String PYFETION_SALT = "777A6D03";

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String DOMAIN = "fetion.com.cn";

    private ClientAuth() {
    }

    /** PyFetion_old {@code __get_response_md5()}. */
    public static String md5SessResponse(String sid, String password, String nonce, String cnonce) {
        byte[] key = md5(bytes(sid + ":" + DOMAIN + ":" + password));
        return v2Response(key, sid, nonce, cnonce);
    }

    /** PyFetion_old {@code __get_response_sha1()} with {@code __hash_passwd()}, for any 4-byte salt (8 hex). */
    public static String sha1SessResponse(String sid, String password, String nonce, String cnonce, String saltHex) {
        byte[] p = sha1(concat(HEX.parseHex(saltHex), sha1(bytes(password))));
        byte[] key = sha1(concat(bytes(sid + ":" + DOMAIN + ":"), p));
        return v2Response(key, sid, nonce, cnonce);
    }

    private static String v2Response(byte[] key, String sid, String nonce, String cnonce) {
        String h1 = HEX.formatHex(md5(concat(key, bytes(":" + nonce + ":" + cnonce))));
        String h2 = HEX.formatHex(md5(bytes("REGISTER:" + sid)));
        return HEX.formatHex(md5(bytes(h1 + ":" + nonce + ":" + h2)));
    }

    /** The MD5-sess {@code A} value of PF2 and PyFetion's "2006" mode: {@code Digest response="..",cnonce=".."}. */
    public static String md5SessAuthorization(String sid, String password, String nonce, String cnonce) {
        return "Digest response=\"" + md5SessResponse(sid, password, nonce, cnonce) + "\",cnonce=\"" + cnonce + "\"";
    }

    /** The official client's {@code A} value (sample 45): {@code Digest algorithm="SHA1-sess",response,cnonce,salt}. */
    public static String sha1SessAuthorization(String sid, String password, String nonce, String cnonce,
            String saltHex) {
        return "Digest algorithm=\"SHA1-sess\",response=\"" + sha1SessResponse(sid, password, nonce, cnonce, saltHex)
                + "\",cnonce=\"" + cnonce + "\",salt=\"" + saltHex + "\"";
    }

    /**
     * The nonce of a v2 {@code W: Digest algorithm="MD5-sess;SHA1-sess",nonce="<32 HEX>"} (sample 44), upper-cased
     * as the digest uses it (section 7.1); empty if there is none.
     */
    public static Optional<String> v2Nonce(String wwwAuthenticate) {
        int start = wwwAuthenticate.indexOf("nonce=\"");
        if (start < 0) {
            return Optional.empty();
        }
        start += 7;
        int end = wwwAuthenticate.indexOf('"', start);
        if (end <= start) {
            return Optional.empty();
        }
        return Optional.of(wwwAuthenticate.substring(start, end).toUpperCase(Locale.ROOT));
    }

    /** A v2 cnonce: {@code %04X} of eight random 16-bit values, 32 hex (PF2). */
    public static String cnonce(Random random) {
        StringBuilder out = new StringBuilder(32);
        for (int i = 0; i < 8; i++) {
            out.append(String.format("%04X", random.nextInt(0x10000)));
        }
        return out.toString();
    }

    /** The v4 client nonce of R #1's {@code CN}: 32 upper-case hex (libofetion, sample 01). */
    public static String clientNonce(Random random) {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        return HEX.formatHex(raw);
    }

    /**
     * libofetion {@code hash_password_v4()}: SHA1(le32(atoi(userid)) || SHA1("fetion.com.cn:" password)). The
     * user-id goes through {@code atoi} into a 32-bit {@code int}, hashed in little-endian memory order.
     */
    public static byte[] v4PasswordHash(String userId, String password) {
        int id = (int) Long.parseLong(userId);
        byte[] le32 = {(byte) id, (byte) (id >>> 8), (byte) (id >>> 16), (byte) (id >>> 24)};
        return sha1(concat(le32, sha1(bytes(DOMAIN + ":" + password))));
    }

    /** libofetion {@code generate_response()} for a parsed challenge. */
    public static String v4Response(RsaChallenge challenge, String userId, String password, byte[] aesKey) {
        return v4Response(challenge.nonce(), challenge.key(), userId, password, aesKey);
    }

    /**
     * RSA/PKCS#1 v1.5 over {@code nonce || hash || aesKey} with the key of the challenge (256 hex modulus and 6 hex
     * exponent, cut by fixed length as libofetion does), as 256 upper-case hex.
     */
    public static String v4Response(String nonce, String key, String userId, String password, byte[] aesKey) {
        byte[] plain = concat(concat(nonce.getBytes(StandardCharsets.US_ASCII), v4PasswordHash(userId, password)),
                aesKey);
        return HEX.formatHex(rsaEncrypt(key, plain));
    }

    /** The v4 {@code A} value (sample 03): {@code Digest response="<256 hex>",algorithm="SHA1-sess-v4"}. */
    public static String v4Authorization(String response) {
        return "Digest response=\"" + response + "\",algorithm=\"" + V4_ALGORITHM + "\"";
    }

    /**
     * Encrypts {@code plain} with the challenge key {@code <256 hex modulus><6 hex exponent>}.
     *
     * @throws IllegalArgumentException if {@code key} is not of that shape or {@code plain} does not fit one block
     */
    public static byte[] rsaEncrypt(String key, byte[] plain) {
        if (!RsaChallenge.isKey(key)) {
            throw new IllegalArgumentException("expected 256 hex modulus and 6 hex exponent, got " + key.length()
                    + " characters");
        }
        try {
            BigInteger modulus = new BigInteger(key.substring(0, 256), 16);
            BigInteger exponent = new BigInteger(key.substring(256, 262), 16);
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, publicKey);
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot RSA-encrypt with the challenge key: " + e.getMessage(), e);
        }
    }

    /** A 32-byte AES key, as maplefetion, kopete-fetion and PyFetion make it (section 7.2). */
    public static byte[] aesKey(Random random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /**
     * libofetion's AES key: 64 random bytes from {@code generate_aes_key()}, through {@code strtohex()} (which stops
     * at the first NUL and reads each pair of characters with {@code strtol(.., 16)}), copied with {@code strlen}
     * (which stops at the first zero byte). Hence a tail of 0 to 32 bytes (section 7.2), which a gateway must accept.
     */
    public static byte[] libofetionAesKeyTail(Random random) {
        byte[] raw = new byte[64];
        random.nextBytes(raw);
        int rawLength = 0;
        while (rawLength < raw.length && raw[rawLength] != 0) {
            rawLength++;
        }
        byte[] parsed = new byte[rawLength / 2];
        for (int i = 0; i + 1 < rawLength; i += 2) {
            parsed[i / 2] = (byte) strtol16((char) (raw[i] & 0xff), (char) (raw[i + 1] & 0xff));
        }
        int tail = 0;
        while (tail < parsed.length && parsed[tail] != 0) {
            tail++;
        }
        byte[] out = new byte[tail];
        System.arraycopy(parsed, 0, out, 0, tail);
        return out;
    }

    /** C {@code strtol(two chars, NULL, 16)}: optional space and sign, then hex digits until the first other one. */
    private static long strtol16(char a, char b) {
        char[] s = {a, b};
        int i = 0;
        while (i < 2 && (s[i] == ' ' || s[i] >= '\t' && s[i] <= '\r')) {
            i++;
        }
        boolean negative = false;
        if (i < 2 && (s[i] == '+' || s[i] == '-')) {
            negative = s[i] == '-';
            i++;
        }
        long value = 0;
        while (i < 2 && s[i] < 0x80 && Character.digit(s[i], 16) >= 0) {
            value = value * 16 + Character.digit(s[i], 16);
            i++;
        }
        return negative ? -value : value;
    }

    static byte[] md5(byte[] data) {
        return digest("MD5", data);
    }

    static byte[] sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
