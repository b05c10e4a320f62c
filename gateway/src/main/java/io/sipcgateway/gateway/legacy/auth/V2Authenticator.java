package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.sipc.SipcRequest;
import java.util.Objects;

/**
 * The v2 login (section 7.1): {@link #challenge} for R #1, {@link #verify} for R #2. The nonce is used up by the
 * first verification, whatever its outcome.
 */
public final class V2Authenticator {
    private final NonceRegistry nonces;

    public V2Authenticator(NonceRegistry nonces) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** A new challenge to {@code sid}, for {@code LoginResponses.unauthorized(request, c.wwwAuthenticate())}. */
    public V2Challenge challenge(String sid) {
        return new V2Challenge(nonces.issue(sid));
    }

    /** Verifies the {@code A: Digest} header of R #2. */
    public AuthResult verify(V2Challenge challenge, SipcRequest request, Account account) {
        return verify(challenge, AuthHeaders.digest(request), account);
    }

    /** Verifies an {@code A} value (null if the request had none) against the challenge sent to the account. */
    public AuthResult verify(V2Challenge challenge, String authorization, Account account) {
        NonceRegistry.Redemption redemption = nonces.redeem(challenge.nonce(), account.sid());
        if (redemption != NonceRegistry.Redemption.ACCEPTED) {
            return AuthResult.rejected(AuthFailure.STALE_NONCE, "nonce " + redemption);
        }
        ParseResult<V2Authorization> parsed = V2Authorization.parse(authorization);
        if (parsed instanceof ParseResult.Malformed<V2Authorization> bad) {
            return AuthResult.rejected(AuthFailure.MALFORMED, bad.reason());
        }
        V2Authorization value = ((ParseResult.Ok<V2Authorization>) parsed).value();
        return V2Digest.verify(value, challenge.nonce(), account.sid(), account.credentials());
    }
}
