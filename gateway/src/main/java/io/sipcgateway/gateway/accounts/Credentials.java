package io.sipcgateway.gateway.accounts;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The password hashes a login needs, so that no plain password is kept (see {@link PasswordHashes}). All three are
 * upper-case hex:
 * <ul>
 *   <li>{@code md5SessKey}: {@code MD5(sid ":" "fetion.com.cn" ":" password)}, the key {@code K} of v2 MD5-sess
 *       (section 7.1);</li>
 *   <li>{@code sha1Password}: {@code SHA1(password)}, from which v2 SHA1-sess derives its key for whatever salt
 *       the client sends (section 7.1);</li>
 *   <li>{@code v4Digest}: {@code SHA1("fetion.com.cn:" password)}, the v4 SSI digest type 1, from which the
 *       SHA1-sess-v4 response hash is derived with the user-id (section 7.2).</li>
 * </ul>
 */
public record Credentials(String md5SessKey, String sha1Password, String v4Digest) {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public Credentials {
        Objects.requireNonNull(md5SessKey, "md5SessKey");
        Objects.requireNonNull(sha1Password, "sha1Password");
        Objects.requireNonNull(v4Digest, "v4Digest");
        AccountRules.require(AccountRules.hex(md5SessKey, 32), "md5SessKey");
        AccountRules.require(AccountRules.hex(sha1Password, 40), "sha1Password");
        AccountRules.require(AccountRules.hex(v4Digest, 40), "v4Digest");
        md5SessKey = md5SessKey.toUpperCase(Locale.ROOT);
        sha1Password = sha1Password.toUpperCase(Locale.ROOT);
        v4Digest = v4Digest.toUpperCase(Locale.ROOT);
    }

    /** The 16 bytes of {@code K} for MD5-sess. */
    public byte[] md5SessKeyBytes() {
        return HEX.parseHex(md5SessKey);
    }

    /** The 20 bytes of {@code SHA1(password)}. */
    public byte[] sha1PasswordBytes() {
        return HEX.parseHex(sha1Password);
    }

    /** The 20 bytes of {@code SHA1("fetion.com.cn:" password)}. */
    public byte[] v4DigestBytes() {
        return HEX.parseHex(v4Digest);
    }

    /** Redacted: the hashes are password equivalents for these protocols and must not reach a log. */
    @Override
    public String toString() {
        return "Credentials[redacted]";
    }
}
