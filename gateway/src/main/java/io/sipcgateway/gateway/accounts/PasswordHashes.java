package io.sipcgateway.gateway.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The three password hashes of one account (see {@link Credentials}), computed from the plain password, so that
 * the directory never keeps the password. Passwords are hashed as UTF-8 bytes, which is what the C and Python
 * clients hash for an ASCII password. {@link #toYaml()} backs the {@code hash-password} command.
 */
public record PasswordHashes(String sid, Credentials credentials) {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public PasswordHashes {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(credentials, "credentials");
        AccountRules.require(AccountRules.sid(sid), "sid");
    }

    public static PasswordHashes of(String sid, String password) {
        AccountRules.require(AccountRules.sid(sid), "sid");
        AccountRules.require(AccountRules.password(password), "password");
        return new PasswordHashes(sid, new Credentials(md5SessKey(sid, password), sha1Password(password),
                v4Digest(password)));
    }

    /** {@code HEX(MD5(sid ":" "fetion.com.cn" ":" password))}: v2 MD5-sess {@code K} (section 7.1). */
    public static String md5SessKey(String sid, String password) {
        return HEX.formatHex(digest("MD5", sid + ":" + FetionUri.DOMAIN + ":" + password));
    }

    /** {@code HEX(SHA1(password))}: what v2 SHA1-sess salts into its key (section 7.1). */
    public static String sha1Password(String password) {
        return HEX.formatHex(digest("SHA-1", password));
    }

    /** {@code HEX(SHA1("fetion.com.cn:" password))}: the v4 SSI digest, type 1 (section 7.2). */
    public static String v4Digest(String password) {
        return HEX.formatHex(digest("SHA-1", FetionUri.DOMAIN + ":" + password));
    }

    /** The lines to paste into an account entry of {@code accounts.yaml}, in place of {@code password:}. */
    public String toYaml() {
        return "    # password hashes for sid " + sid + "\n"
                + "    md5-sess-key: \"" + credentials.md5SessKey() + "\"\n"
                + "    sha1-password: \"" + credentials.sha1Password() + "\"\n"
                + "    v4-digest: \"" + credentials.v4Digest() + "\"\n";
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
