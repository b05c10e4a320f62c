package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.sipc.SipcRequest;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;

/**
 * The v4 login (section 7.2): {@link #challenge} for R #1, {@link #verify} for R #2. The client sends
 * {@code RSA_PKCS1v1.5_encrypt(key, nonce_ascii || SHA1(le32(userid) || SHA1("fetion.com.cn:" password)) || aeskey)};
 * this decrypts it and checks the 32 nonce bytes and the 20 hash bytes, and returns the rest (the client's AES key,
 * of any length: libofetion truncates it at its first zero byte) as {@link AuthResult.Verified#aesKeyTail()}.
 *
 * <p>Decryption failures and wrong hashes get the same {@link AuthFailure#BAD_CREDENTIALS}, and every attempt uses
 * up its nonce, so the padding check is no cheaper to probe than a password guess (Bleichenbacher); the session
 * should still limit failed logins per connection and account.
 */
public final class V4Authenticator {
    private static final int NONCE_BYTES = 32;
    private static final int HASH_BYTES = 20;

    private final V4KeyPair keys;
    private final NonceRegistry nonces;

    public V4Authenticator(V4KeyPair keys, NonceRegistry nonces) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** A new challenge to {@code sid}, for {@code LoginResponses.unauthorized(request, c.wwwAuthenticate())}. */
    public V4Challenge challenge(String sid) {
        String nonce = nonces.issue(sid);
        return new V4Challenge(nonce, keys.keyHex(), keys.signHex(nonce));
    }

    /** Verifies the {@code A: Digest} header of R #2 (a second {@code A: Verify} header is ignored). */
    public AuthResult verify(V4Challenge challenge, SipcRequest request, Account account) {
        return verify(challenge, AuthHeaders.digest(request), account);
    }

    /** Verifies an {@code A} value (null if the request had none) against the challenge sent to the account. */
    public AuthResult verify(V4Challenge challenge, String authorization, Account account) {
        NonceRegistry.Redemption redemption = nonces.redeem(challenge.nonce(), account.sid());
        if (redemption != NonceRegistry.Redemption.ACCEPTED) {
            return AuthResult.rejected(AuthFailure.STALE_NONCE, "nonce " + redemption);
        }
        ParseResult<V4Authorization> parsed = V4Authorization.parse(authorization);
        if (parsed instanceof ParseResult.Malformed<V4Authorization> bad) {
            return AuthResult.rejected(AuthFailure.MALFORMED, bad.reason());
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.DECRYPT_MODE, keys.privateKey());
            plain = cipher.doFinal(((ParseResult.Ok<V4Authorization>) parsed).value().ciphertext());
        } catch (GeneralSecurityException e) {
            return AuthResult.rejected(AuthFailure.BAD_CREDENTIALS, "RSA decryption failed");
        }
        try {
            return check(plain, challenge.nonce(), account);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static AuthResult check(byte[] plain, String nonce, Account account) {
        if (plain.length < NONCE_BYTES + HASH_BYTES) {
            return AuthResult.rejected(AuthFailure.BAD_CREDENTIALS, "plaintext of " + plain.length + " bytes is "
                    + "shorter than nonce and hash");
        }
        byte[] sentNonce = Arrays.copyOfRange(plain, 0, NONCE_BYTES);
        if (!MessageDigest.isEqual(sentNonce, Hashing.ascii(nonce))) {
            return AuthResult.rejected(AuthFailure.STALE_NONCE, "the response was computed for another nonce");
        }
        byte[] sentHash = Arrays.copyOfRange(plain, NONCE_BYTES, NONCE_BYTES + HASH_BYTES);
        if (!MessageDigest.isEqual(sentHash, passwordHash(account))) {
            return AuthResult.rejected(AuthFailure.BAD_CREDENTIALS, "v4 password hash does not match");
        }
        return new AuthResult.Verified(Arrays.copyOfRange(plain, NONCE_BYTES + HASH_BYTES, plain.length));
    }

    /**
     * {@code SHA1(le32(userid) || SHA1("fetion.com.cn:" password))}: libofetion {@code hash_password_v4()}. The
     * user-id goes through {@code atoi} into an {@code int} whose 4 bytes are hashed in (little-endian) memory order.
     * The v4 SSI sign-in checks the same value as its {@code v4digest-type=2} (section 7.2).
     */
    public static byte[] passwordHash(Account account) {
        int id = (int) Long.parseLong(account.userId());
        byte[] le32 = {(byte) id, (byte) (id >>> 8), (byte) (id >>> 16), (byte) (id >>> 24)};
        return Hashing.sha1(le32, account.credentials().v4DigestBytes());
    }
}
