package io.sipcgateway.gateway.legacy;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.legacy.auth.AuthResult;
import io.sipcgateway.gateway.legacy.auth.LoginCredentials;
import io.sipcgateway.gateway.legacy.auth.LoginOrigin;
import io.sipcgateway.gateway.legacy.auth.LoginResponses;
import io.sipcgateway.gateway.legacy.auth.V2Challenge;
import io.sipcgateway.gateway.legacy.auth.V2LoginAnswer;
import io.sipcgateway.gateway.legacy.auth.V4Challenge;
import io.sipcgateway.gateway.legacy.auth.V4LoginAnswer;
import io.sipcgateway.mapping.presence.Activity;
import io.sipcgateway.mapping.presence.Basic;
import io.sipcgateway.mapping.presence.Presence;
import io.sipcgateway.mapping.presence.SipcPresenceArgs;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * The two-step {@code R} login of one connection (sections 7.1 and 7.2): R #1 gets a {@code 401} challenge (v2
 * digest nonce, or v4 nonce + RSA key), R #2 with {@code A: Digest} is verified against the account directory.
 * The version of the request picks the scheme. Each challenge is single-use; a wrong password counts toward the
 * account's lockout ({@link LoginGuard}); an unknown sid gets {@code 404}, as the real SSI did (section 7.2).
 */
final class LoginFlow {
    /** Login attempts one connection may make before it is closed, whatever the accounts. */
    static final int MAX_ATTEMPTS_PER_CONNECTION = 10;
    static final SipcStatus LOCKED_OUT = new SipcStatus(403, "Too Many Failed Logins");
    private static final Presence ONLINE = Presence.of(Basic.OPEN, Activity.NONE);

    private final LoginServices services;
    private final String remoteIp;
    private String challengedSid;
    private V2Challenge v2Challenge;
    private V4Challenge v4Challenge;
    private int attempts;

    LoginFlow(LoginServices services, String remoteIp) {
        this.services = Objects.requireNonNull(services, "services");
        this.remoteIp = Objects.requireNonNull(remoteIp, "remoteIp");
    }

    /** What the session does after an {@code R} before sign-in. */
    sealed interface Step {
        /** Answer and wait for the next R (a challenge, a 404). */
        record Answer(SipcResponse response) implements Step {
        }

        /** Answer and close (lockout, too many attempts). */
        record Refuse(SipcResponse response, String reason) implements Step {
        }

        /** Signed in: send {@code ok} and start the session. */
        record SignedIn(Account account, SipcVersion version, SipcResponse ok, LoginCredentials credentials,
                Presence presence) implements Step {
        }
    }

    Step onRegister(SipcRequest request) {
        if (++attempts > MAX_ATTEMPTS_PER_CONNECTION) {
            return new Step.Refuse(LoginResponses.status(request, 403), attempts + " login attempts on one connection");
        }
        Optional<String> sid = request.header(SipcHeaderName.FROM).filter(f -> !f.isEmpty()
                && f.chars().allMatch(Character::isDigit));
        if (sid.isEmpty()) {
            return new Step.Answer(LoginResponses.status(request, 400));
        }
        Optional<Account> account = services.directory().bySid(sid.get());
        if (account.isEmpty()) {
            return new Step.Answer(LoginResponses.status(request, 404));
        }
        if (services.guard().isLockedOut(sid.get())) {
            return new Step.Refuse(request.reply(LOCKED_OUT), "account " + sid.get() + " is locked out");
        }
        boolean hasAnswer = request.headers().all(SipcHeaderName.AUTHORIZATION).stream()
                .anyMatch(a -> a.regionMatches(true, 0, "Digest", 0, 6));
        if (!hasAnswer || !sid.get().equals(challengedSid)) {
            return challenge(request, sid.get());
        }
        return verify(request, account.get());
    }

    private Step verify(SipcRequest request, Account account) {
        boolean v4 = SipcVersion.V4.equals(request.version());
        if (v4 ? v4Challenge == null : v2Challenge == null) {
            return challenge(request, account.sid()); // the client changed version between R #1 and R #2
        }
        AuthResult result = v4
                ? services.v4().verify(v4Challenge, request, account)
                : services.v2().verify(v2Challenge, request, account);
        v2Challenge = null;
        v4Challenge = null;
        if (result instanceof AuthResult.Rejected rejected) {
            return switch (rejected.failure()) {
                case MALFORMED -> new Step.Answer(LoginResponses.status(request, 400));
                case STALE_NONCE -> challenge(request, account.sid());
                case BAD_CREDENTIALS -> services.guard().recordFailure(account.sid())
                        ? new Step.Refuse(request.reply(LOCKED_OUT), "account " + account.sid() + " locked out")
                        : challenge(request, account.sid());
            };
        }
        services.guard().recordSuccess(account.sid());
        LoginOrigin origin = LoginOrigin.firstLogin(remoteIp, services.clock().instant());
        LoginCredentials credentials = LoginCredentials.random(services.random());
        String body = v4
                ? V4LoginAnswer.body(account, services.directory(), origin, credentials)
                : V2LoginAnswer.body(account, services.directory(), origin);
        Presence presence = SipcPresenceArgs.readSetPresence(request.body()).toOptional().orElse(ONLINE);
        return new Step.SignedIn(account, request.version(), LoginResponses.registered(request, body), credentials,
                presence);
    }

    private Step challenge(SipcRequest request, String sid) {
        challengedSid = sid;
        String wwwAuthenticate;
        if (SipcVersion.V4.equals(request.version())) {
            v4Challenge = services.v4().challenge(sid);
            v2Challenge = null;
            wwwAuthenticate = v4Challenge.wwwAuthenticate();
        } else {
            v2Challenge = services.v2().challenge(sid);
            v4Challenge = null;
            wwwAuthenticate = v2Challenge.wwwAuthenticate();
        }
        return new Step.Answer(LoginResponses.unauthorized(request, wwwAuthenticate));
    }
}
