package io.sipcgateway.gateway.signin;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.PasswordHashes;
import io.sipcgateway.gateway.legacy.LoginGuard;
import io.sipcgateway.gateway.legacy.auth.V4Authenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSI sign-in (TLS, port 443 in the wild), checked against the account directory:
 * <ul>
 *   <li>v4, {@code /ssiportal/SSIAppSignInV4.aspx?mobileno=|sid=..&v4digest-type=1|2&v4digest=<40 hex>} (section
 *       7.2): type 1 is {@code SHA1("fetion.com.cn:" password)}, type 2 {@code SHA1(le32(user-id) || type 1)}; a
 *       missing type is taken as 1; {@code domains}, {@code pid}, {@code pic}, {@code algorithm} are ignored;</li>
 *   <li>v2, {@code /ssiportal/SSIAppSignIn.aspx?mobileno=|sid=..&pwd=<plain password>} (section 7.1), checked as
 *       {@code SHA1(password)}; PyFetion posts the same parameters as a form body, which is read too.</li>
 * </ul>
 * Wrong passwords count toward the account's lockout in the {@link LoginGuard} the SIP-C login shares; a locked
 * account gets 421 {@code picc-PasswordErrorMax} (also on the failure that locks it), an unknown user 404.
 * Answers fit one 1024-byte read (section 7.3).
 */
final class SsiEndpoint implements SigninEndpoint {
    static final String V4_PATH = "/ssiportal/SSIAppSignInV4.aspx";
    static final String V2_PATH = "/ssiportal/SSIAppSignIn.aspx";
    /** libofetion's single {@code SSL_read(1024)} (section 7.3). */
    static final int MAX_ANSWER_BYTES = 1024;
    /** Random bytes in a {@code ssic} and a credential {@code c}: three AES blocks, as the v4 login's values. */
    static final int TOKEN_BYTES = 48;
    private static final int MAX_PARAMETERS = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final Logger LOG = LoggerFactory.getLogger(SsiEndpoint.class);

    private final AccountDirectory directory;
    private final LoginGuard guard;
    private final SecureRandom random;

    SsiEndpoint(AccountDirectory directory, LoginGuard guard, SecureRandom random) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.random = Objects.requireNonNull(random, "random");
    }

    private enum Check { RIGHT, WRONG, MALFORMED }

    @Override
    public HttpAnswer answer(SigninRequest request) {
        String path = request.path();
        boolean v4 = path.equalsIgnoreCase(V4_PATH);
        if (!v4 && !path.equalsIgnoreCase(V2_PATH)) {
            return HttpAnswer.empty(HttpResponseStatus.NOT_FOUND);
        }
        if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.POST.equals(request.method())) {
            return HttpAnswer.empty(HttpResponseStatus.METHOD_NOT_ALLOWED);
        }
        Map<String, List<String>> parameters;
        try {
            parameters = parameters(request);
        } catch (IllegalArgumentException e) { // a bad %-escape
            return SsiAnswers.failure(HttpResponseStatus.BAD_REQUEST);
        }
        return signIn(request, v4, parameters);
    }

    @Override
    public int maxAnswerBytes() {
        return MAX_ANSWER_BYTES;
    }

    private HttpAnswer signIn(SigninRequest request, boolean v4, Map<String, List<String>> parameters) {
        String version = v4 ? "v4" : "v2";
        Optional<String> mobile = first(parameters, "mobileno");
        Optional<String> sid = first(parameters, "sid");
        if (mobile.isEmpty() && sid.isEmpty()) {
            return SsiAnswers.failure(HttpResponseStatus.BAD_REQUEST);
        }
        Optional<Account> found = mobile.isPresent() ? directory.byMobile(mobile.get()) : directory.bySid(sid.get());
        if (found.isEmpty()) {
            LOG.info("SSI {} sign-in from {}: no such user", version, request.remoteIp());
            return SsiAnswers.failure(HttpResponseStatus.NOT_FOUND);
        }
        Account account = found.get();
        if (guard.isLockedOut(account.sid())) {
            LOG.info("SSI {} sign-in of sid {} from {}: locked out", version, account.sid(), request.remoteIp());
            return SsiAnswers.lockedOut(guard.window());
        }
        Check check = v4 ? checkV4(parameters, account) : checkV2(parameters, account);
        return switch (check) {
            case MALFORMED -> SsiAnswers.failure(HttpResponseStatus.BAD_REQUEST);
            case WRONG -> {
                boolean locked = guard.recordFailure(account.sid());
                LOG.info("SSI {} sign-in of sid {} from {}: wrong password{}", version, account.sid(),
                        request.remoteIp(), locked ? ", now locked out" : "");
                yield locked ? SsiAnswers.lockedOut(guard.window())
                        : SsiAnswers.failure(HttpResponseStatus.UNAUTHORIZED);
            }
            case RIGHT -> {
                guard.recordSuccess(account.sid());
                LOG.info("SSI {} sign-in of sid {} from {}", version, account.sid(), request.remoteIp());
                yield v4 ? SsiAnswers.v4SignedIn(account, token(), token()) : SsiAnswers.v2SignedIn(account, token());
            }
        };
    }

    private static Check checkV4(Map<String, List<String>> parameters, Account account) {
        Optional<String> digest = first(parameters, "v4digest");
        if (digest.isEmpty() || digest.get().length() != 40) {
            return Check.MALFORMED;
        }
        byte[] sent;
        try {
            sent = HEX.parseHex(digest.get()); // either case
        } catch (IllegalArgumentException e) {
            return Check.MALFORMED;
        }
        byte[] expected = switch (first(parameters, "v4digest-type").orElse("1")) {
            case "1" -> account.credentials().v4DigestBytes();
            case "2" -> V4Authenticator.passwordHash(account);
            default -> null;
        };
        if (expected == null) {
            return Check.MALFORMED;
        }
        return MessageDigest.isEqual(sent, expected) ? Check.RIGHT : Check.WRONG;
    }

    private static Check checkV2(Map<String, List<String>> parameters, Account account) {
        Optional<String> password = first(parameters, "pwd");
        if (password.isEmpty()) {
            return Check.MALFORMED;
        }
        byte[] sent = HEX.parseHex(PasswordHashes.sha1Password(password.get()));
        return MessageDigest.isEqual(sent, account.credentials().sha1PasswordBytes()) ? Check.RIGHT : Check.WRONG;
    }

    /** Query parameters, then (for a POST) form parameters of the body; {@code ;} is an ordinary character. */
    private static Map<String, List<String>> parameters(SigninRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(
                new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8, true, MAX_PARAMETERS, true).parameters());
        if (HttpMethod.POST.equals(request.method()) && request.body().length > 0) {
            String form = new String(request.body(), StandardCharsets.UTF_8);
            new QueryStringDecoder(form, StandardCharsets.UTF_8, false, MAX_PARAMETERS, true).parameters()
                    .forEach(parameters::putIfAbsent);
        }
        return parameters;
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** An opaque {@code ssic} or credential: nothing else checks it yet. */
    private String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
