package io.sipcgateway.gateway.legacy.auth;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;

/**
 * What legacy clients compute, written from reference section 7 and the client sources it cites, independently of
 * the classes under test (no {@code Hashing}, {@code V2Digest}, {@code PasswordHashes} here).
 */
final class LegacyClient {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private LegacyClient() {
    }

    /** PyFetion_old {@code __get_response_md5()}. */
    static String md5SessResponse(String sid, String password, String nonce, String cnonce) {
        byte[] key = md5(bytes(sid + ":fetion.com.cn:" + password));
        return response(key, sid, nonce, cnonce);
    }

    /** PyFetion_old {@code __get_response_sha1()} with {@code __hash_passwd()}, for any 4-byte salt. */
    static String sha1SessResponse(String sid, String password, String nonce, String cnonce, String saltHex) {
        byte[] p = sha1(concat(HEX.parseHex(saltHex), sha1(bytes(password))));
        byte[] key = sha1(concat(bytes(sid + ":fetion.com.cn:"), p));
        return response(key, sid, nonce, cnonce);
    }

    private static String response(byte[] key, String sid, String nonce, String cnonce) {
        String h1 = HEX.formatHex(md5(concat(key, bytes(":" + nonce + ":" + cnonce))));
        String h2 = HEX.formatHex(md5(bytes("REGISTER:" + sid)));
        return HEX.formatHex(md5(bytes(h1 + ":" + nonce + ":" + h2)));
    }

    /**
     * libofetion {@code parse_sipc_reg_response()}: the nonce starts 7 characters after {@code "nonce"}, the key 5
     * after the next {@code "key"}, each ending at the next {@code ",}.
     */
    static String[] nonceAndKey(String wwwAuthenticate) {
        int n = wwwAuthenticate.indexOf("nonce") + 7;
        String nonce = wwwAuthenticate.substring(n, wwwAuthenticate.indexOf("\",", n));
        int k = wwwAuthenticate.indexOf("key", n) + 5;
        String key = wwwAuthenticate.substring(k, wwwAuthenticate.indexOf("\",", k));
        return new String[] {nonce, key};
    }

    /** libofetion {@code hash_password_v4()}: SHA1(le32(atoi(userid)) || SHA1("fetion.com.cn:" password)). */
    static byte[] v4PasswordHash(String userId, String password) {
        byte[] le32 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.parseInt(userId)).array();
        return sha1(concat(le32, sha1(bytes("fetion.com.cn:" + password))));
    }

    /**
     * libofetion {@code generate_response()}: RSA/PKCS#1 v1.5 over nonce || hash || aes key, with the modulus and
     * exponent cut from the challenge's key by fixed length; upper-case hex.
     */
    static String v4Response(String wwwAuthenticate, String userId, String password, byte[] aesKeyTail) {
        String[] nonceAndKey = nonceAndKey(wwwAuthenticate);
        return v4Response(nonceAndKey[0], nonceAndKey[1], userId, password, aesKeyTail);
    }

    static String v4Response(String nonce, String key, String userId, String password, byte[] aesKeyTail) {
        byte[] plain = concat(concat(nonce.getBytes(StandardCharsets.US_ASCII), v4PasswordHash(userId, password)),
                aesKeyTail);
        return HEX.formatHex(rsaEncrypt(key, plain));
    }

    static byte[] rsaEncrypt(String key, byte[] plain) {
        try {
            BigInteger modulus = new BigInteger(key.substring(0, 256), 16);
            BigInteger exponent = new BigInteger(key.substring(256, 262), 16);
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, publicKey);
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * libofetion's AES key: 64 random bytes from {@code generate_aes_key()}, through {@code strtohex()} (which stops
     * at the first NUL and reads each pair of characters with {@code strtol(.., 16)}), copied with {@code strlen}
     * (which stops at the first zero byte). Hence the tail of 0 to 32 bytes (section 7.2).
     */
    static byte[] libofetionAesKeyTail(Random random) {
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
        while (i < 2 && Character.digit(s[i], 16) >= 0 && s[i] < 0x80) {
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
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
