package io.sipcgateway.gateway.signin;

import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_MOBILE;
import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_PASSWORD;
import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_SID;
import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_USER_ID;
import static io.sipcgateway.gateway.signin.SigninFixture.BOB_SID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpMethod;
import io.sipcgateway.gateway.legacy.auth.V4Authenticator;
import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.PasswordHashes;
import io.sipcgateway.gateway.legacy.LoginGuard;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sign-in decisions of {@link SsiEndpoint}, without a network (section 7.2). */
class SsiEndpointTest {
    private final LoginGuard guard = LoginGuard.withDefaults();
    private final SsiEndpoint endpoint = new SsiEndpoint(AccountDirectory.demo(), guard, new SecureRandom());

    private HttpAnswer answer(HttpMethod method, String uri, String body) {
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 443);
        return endpoint.answer(new SigninRequest(method, uri, body.getBytes(StandardCharsets.UTF_8), local,
                new InetSocketAddress("127.0.0.1", 40000)));
    }

    private int v4(String query) {
        return answer(HttpMethod.GET, SsiEndpoint.V4_PATH + "?" + query, "").status().code();
    }

    @Test
    void digestTypeTwoIsTheUserIdHashOfTypeOne() throws Exception {
        Account alice = AccountDirectory.demo().bySid(ALICE_SID).orElseThrow();

        assertEquals(SigninClients.digestType2(ALICE_USER_ID, ALICE_PASSWORD),
                HexFormat.of().withUpperCase().formatHex(V4Authenticator.passwordHash(alice)));
    }

    @Test
    void missingDigestTypeIsTakenAsTypeOne() throws Exception {
        assertEquals(200, v4("sid=" + ALICE_SID + "&v4digest=" + SigninClients.digestType1(ALICE_PASSWORD)));
    }

    @Test
    void unknownDigestTypeOrShortDigestOrNoUserIs400() throws Exception {
        String digest = SigninClients.digestType1(ALICE_PASSWORD);

        assertEquals(400, v4("sid=" + ALICE_SID + "&v4digest-type=3&v4digest=" + digest));
        assertEquals(400, v4("sid=" + ALICE_SID + "&v4digest-type=1&v4digest=" + digest.substring(2)));
        assertEquals(400, v4("sid=" + ALICE_SID + "&v4digest-type=1"));
        assertEquals(400, v4("domains=fetion.com.cn&v4digest-type=1&v4digest=" + digest));
        assertEquals(0, guard.trackedAccounts(), "malformed requests are not password failures");
    }

    @Test
    void typeTwoDigestOfAnotherUserIdIsWrong() throws Exception {
        assertEquals(401, v4("sid=" + ALICE_SID + "&v4digest-type=2&v4digest="
                + SigninClients.digestType2("300000002", ALICE_PASSWORD)));
    }

    @Test
    void mobileNumberWinsOverSid() throws Exception {
        assertEquals(200, v4("mobileno=" + ALICE_MOBILE + "&sid=" + BOB_SID + "&v4digest="
                + SigninClients.digestType1(ALICE_PASSWORD)));
    }

    @Test
    void pathsAreCaseInsensitiveAsOnIisAndAbsoluteFormTargetsWork() throws Exception {
        String query = "?sid=" + ALICE_SID + "&v4digest=" + SigninClients.digestType1(ALICE_PASSWORD);

        assertEquals(200, answer(HttpMethod.GET, "/SSIPORTAL/ssiappsigninv4.ASPX" + query, "").status().code());
        assertEquals(200, answer(HttpMethod.GET, "https://uid.fetion.com.cn" + SsiEndpoint.V4_PATH + query, "")
                .status().code());
    }

    @Test
    void otherPathsAre404AndOtherMethods405() {
        assertEquals(404, answer(HttpMethod.GET, "/ssiportal/SSIAppSignOut.aspx", "").status().code());
        assertEquals(405, answer(HttpMethod.PUT, SsiEndpoint.V4_PATH, "").status().code());
    }

    @Test
    void v2PasswordWithASemicolonIsKeptWhole() {
        Account odd = account("916000009", "300000009", "a;b+c");
        SsiEndpoint oddEndpoint = new SsiEndpoint(AccountDirectory.of(List.of(odd)), guard, new SecureRandom());
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 443);

        HttpAnswer answer = oddEndpoint.answer(new SigninRequest(HttpMethod.GET,
                SsiEndpoint.V2_PATH + "?sid=916000009&pwd=a;b%2Bc", new byte[0], address, address));

        assertEquals(200, answer.status().code());
    }

    @Test
    void everyAnswerForTheLongestIdentitiesFitsOneRead() {
        Account longest = account("9999999999", "2147483647", "pw");
        int limit = SsiEndpoint.MAX_ANSWER_BYTES;

        assertTrue(SsiAnswers.v4SignedIn(longest, token(), token()).toBytes().length <= limit);
        assertTrue(SsiAnswers.v2SignedIn(longest, token()).toBytes().length <= limit);
        assertTrue(SsiAnswers.lockedOut(Duration.ofDays(365)).toBytes().length <= limit);
    }

    private static String token() {
        return "A".repeat(SsiEndpoint.TOKEN_BYTES * 4 / 3);
    }

    private static Account account(String sid, String userId, String password) {
        return new Account(sid, userId, Optional.of("13999999999"), "n", "",
                PasswordHashes.of(sid, password).credentials(), List.of(), List.of(), "sip:" + sid + "@example.test",
                Optional.empty());
    }
}
