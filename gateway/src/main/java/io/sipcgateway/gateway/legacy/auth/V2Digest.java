package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Credentials;
import io.sipcgateway.gateway.accounts.FetionUri;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The v2 digest of reference section 7.1, server side. Hex is upper-case and the nonce is used upper-case:
 * <pre>
 * MD5-sess:  K = MD5(sid ":" "fetion.com.cn" ":" password)                    (binary; stored as md5SessKey)
 * SHA1-sess: P = SHA1(salt || SHA1(password)), K = SHA1(sid ":" "fetion.com.cn" ":" P)     (all binary)
 * H1 = HEX(MD5(K ":" nonce ":" cnonce)),  H2 = HEX(MD5("REGISTER:" sid)),  response = HEX(MD5(H1 ":" nonce ":" H2))
 * </pre>
 * Both forms use MD5 for {@code H1}, {@code H2} and the response; only {@code K} differs (PyFetion_old
 * {@code __get_response_md5()} / {@code __get_response_sha1()}). Checked against those formulas, not a server.
 */
public final class V2Digest {
    /** The {@code algorithm} of the v2 challenge: the client picks one of the two (sample 44). */
    public static final String ALGORITHMS = "MD5-sess;SHA1-sess";

    private static final byte[] COLON = {':'};

    private V2Digest() {
    }

    /** The {@code W} value of the v2 401: {@code Digest algorithm="MD5-sess;SHA1-sess",nonce="<32 HEX>"}. */
    public static String wwwAuthenticate(String nonce) {
        return "Digest algorithm=\"" + ALGORITHMS + "\",nonce=\"" + nonce.toUpperCase(Locale.ROOT) + "\"";
    }

    /** The response a client knowing the password computes for {@code authorization}'s algorithm and cnonce. */
    public static String expectedResponse(V2Authorization authorization, String nonce, String sid,
            Credentials credentials) {
        byte[] key = key(authorization, sid, credentials);
        byte[] upperNonce = Hashing.ascii(nonce.toUpperCase(Locale.ROOT));
        String h1 = Hashing.HEX.formatHex(Hashing.md5(key, COLON, upperNonce, COLON,
                Hashing.ascii(authorization.cnonce())));
        String h2 = Hashing.HEX.formatHex(Hashing.md5(Hashing.ascii("REGISTER:" + sid)));
        return Hashing.HEX.formatHex(Hashing.md5(Hashing.ascii(h1), COLON, upperNonce, COLON, Hashing.ascii(h2)));
    }

    /** Whether {@code authorization} proves the password for {@code sid} against {@code nonce}. */
    public static AuthResult verify(V2Authorization authorization, String nonce, String sid,
            Credentials credentials) {
        byte[] expected = Hashing.ascii(expectedResponse(authorization, nonce, sid, credentials));
        byte[] actual = Hashing.ascii(authorization.response().toUpperCase(Locale.ROOT));
        // Constant time, so the comparison does not leak how many leading characters match.
        return MessageDigest.isEqual(expected, actual) ? new AuthResult.Verified(new byte[0])
                : AuthResult.rejected(AuthFailure.BAD_CREDENTIALS, "v2 digest response does not match");
    }

    private static byte[] key(V2Authorization authorization, String sid, Credentials credentials) {
        if (authorization instanceof V2Authorization.Sha1Sess sha1) {
            byte[] p = Hashing.sha1(Hashing.HEX.parseHex(sha1.salt()), credentials.sha1PasswordBytes());
            return Hashing.sha1(Hashing.ascii(sid + ":" + FetionUri.DOMAIN + ":"), p);
        }
        return credentials.md5SessKeyBytes();
    }
}
