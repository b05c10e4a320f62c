package io.sipcgateway.gateway.client;

import io.sipcgateway.gateway.accounts.FetionUri;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The two-step {@code R} of a login, as real clients send it. v4 (section 7.2, samples 01-03): R #1 with
 * {@code CN}/{@code CL}, the {@code 401} carries nonce and RSA key, R #2 (a new {@code I}) carries
 * {@code A: Digest response=..,algorithm="SHA1-sess-v4"}, {@code AK: ak-value} and the {@code <args>}. v2
 * (section 7.1, samples 43-45): R #1 and R #2 share {@code I} and body, {@code Q} counts up, and R #2 carries the
 * SHA1-sess or MD5-sess digest of the nonce.
 */
final class ClientLogins {
    private final ClientChannel channel;
    private final Duration timeout;
    private final SecureRandom random;

    ClientLogins(ClientChannel channel, Duration timeout, SecureRandom random) {
        this.channel = channel;
        this.timeout = timeout;
        this.random = random;
    }

    ClientResult<SignedIn> login(ClientLogin login, CallIds ids) {
        boolean v4 = SipcVersion.V4.equals(login.version());
        SipcRequest register = v4
                ? ClientRequests.registerV4First(login.sid(), ids.next(SipcMethod.R), ClientAuth.clientNonce(random))
                : ClientRequests.registerV2(login.sid(), ids.next(SipcMethod.R), null);
        return channel.exchange(register, timeout).flatMap(challenge -> {
            if (challenge.code() != 401) {
                return refused(login, challenge, "R #1");
            }
            String w = challenge.header(SipcHeaderName.WWW_AUTHENTICATE).orElse("");
            Optional<String> authorization = v4 ? v4Authorization(login, w) : v2Authorization(login, w);
            if (authorization.isEmpty()) {
                return ClientResult.failed(new ClientFailure(ClientFailure.Kind.INVALID, "the 401 to R #1 has no "
                        + (v4 ? "SHA1-sess-v4" : "digest") + " challenge a client can use: W: " + w,
                        Optional.of(challenge)));
            }
            SipcRequest authorize = v4
                    ? ClientRequests.registerV4Auth(login.sid(), ids.next(SipcMethod.R), authorization.get(),
                            login.mobile().orElse(""), login.userId().orElseThrow())
                    : ClientRequests.registerV2(login.sid(), ids.next(SipcMethod.R), authorization.get());
            return channel.exchange(authorize, timeout).flatMap(ok -> ok.code() != 200 ? refused(login, ok, "R #2")
                    : signedIn(login, register, challenge, authorize, ok));
        });
    }

    private Optional<String> v4Authorization(ClientLogin login, String w) {
        return RsaChallenge.parseLibofetion(w).flatMap(challenge -> {
            try {
                String response = ClientAuth.v4Response(challenge, login.userId().orElseThrow(), login.password(),
                        ClientAuth.aesKey(random));
                return Optional.of(ClientAuth.v4Authorization(response));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // a key that is no RSA key, or a nonce too long for one block
            }
        });
    }

    private Optional<String> v2Authorization(ClientLogin login, String w) {
        String cnonce = ClientAuth.cnonce(random);
        return ClientAuth.v2Nonce(w).map(nonce -> {
            if (login.algorithm() == ClientLogin.V2Algorithm.MD5_SESS) {
                return ClientAuth.md5SessAuthorization(login.sid(), login.password(), nonce, cnonce);
            }
            byte[] salt = new byte[4];
            random.nextBytes(salt);
            return ClientAuth.sha1SessAuthorization(login.sid(), login.password(), nonce, cnonce,
                    HexFormat.of().withUpperCase().formatHex(salt));
        });
    }

    private static ClientResult<SignedIn> signedIn(ClientLogin login, SipcRequest register, SipcResponse challenge,
            SipcRequest authorize, SipcResponse ok) {
        int expires = ok.header(SipcHeaderName.EXPIRES).flatMap(ClientLogins::seconds).orElse(600);
        if (SipcVersion.V2.equals(login.version())) {
            // v2 clients had their own URI from SSI (section 7.1 step 2), in the form the gateway's SSI gives.
            return ClientResult.ok(new SignedIn(login.version(), login.sid(), register, challenge, authorize, ok,
                    expires, FetionUri.of(login.sid()), List.of()));
        }
        ClientResult<ContactLists.V4Login> answer = ContactLists.fromV4Login(ok.body());
        if (answer instanceof ClientResult.Failed<ContactLists.V4Login> failed) {
            return ClientResult.failed(new ClientFailure(ClientFailure.Kind.INVALID,
                    "signed in, but " + failed.failure().message(), Optional.of(ok)));
        }
        ContactLists.V4Login read = answer.orElseThrow();
        return ClientResult.ok(new SignedIn(login.version(), login.sid(), register, challenge, authorize, ok,
                expires, read.ownUri().orElseGet(() -> FetionUri.of(login.sid())), read.contacts()));
    }

    /** A final answer that is not the expected one, explained for a person at a terminal. */
    private static <T> ClientResult<T> refused(ClientLogin login, SipcResponse answer, String step) {
        String meaning = switch (answer.code()) {
            case 401 -> "wrong password for " + login.sid() + " (the gateway sent a new challenge)";
            case 403 -> answer.status().reason().contains("Failed Logins")
                    ? login.sid() + " is locked out after too many failed logins; try again later"
                    : "the gateway refused the login of " + login.sid();
            case 404 -> "the gateway has no user " + login.sid();
            case 400 -> "the gateway could not read " + step;
            default -> "unexpected answer to " + step;
        };
        return ClientResult.failed(ClientFailure.rejected(answer, "login refused: " + answer.code() + " "
                + answer.status().reason() + ": " + meaning));
    }

    private static Optional<Integer> seconds(String value) {
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
