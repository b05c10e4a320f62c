package io.sipcgateway.gateway.signin;

import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_MOBILE;
import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_PASSWORD;
import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_SID;
import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_USER_ID;
import static io.sipcgateway.gateway.signin.SigninFixture.BOB_MOBILE;
import static io.sipcgateway.gateway.signin.SigninFixture.BOB_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.legacy.LoginGuard;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The v4 SSI sign-in (section 7.2) as libofetion and the JDK HttpClient see it, over loopback TLS. */
class SsiV4SignInTest {
    private SigninFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = SigninFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private SigninClients.OneRead libofetion(String query) throws Exception {
        return SigninClients.singleTlsRead(fixture.https(),
                SigninClients.libofetionSsiRequest(SsiEndpoint.V4_PATH + "?" + query));
    }

    private static String bySid(String sid, String digest) {
        return "sid=" + sid + "&domains=fetion.com.cn&v4digest-type=1&v4digest=" + digest;
    }

    @Test
    void libofetionBySidWithDigestType1GetsWholeAnswerInOneReadThenClose() throws Exception {
        SigninClients.OneRead read = libofetion(bySid(ALICE_SID, SigninClients.digestType1(ALICE_PASSWORD)));

        assertTrue(read.bytes().length <= SigninClients.LIBOFETION_READ);
        SigninClients.Answer answer = read.answer();
        assertEquals(200, answer.status());
        assertEquals(Integer.parseInt(answer.header("Content-Length").orElseThrow()), answer.body().length,
                "the single read must hold the whole body");
        assertTrue(read.closedAfter(), "the server closes after the answer");
        String cookie = answer.header("Set-Cookie").orElseThrow();
        assertTrue(cookie.matches("ssic=[A-Za-z0-9+/=]+; path=/"), cookie);
        assertTrue(answer.bodyText().startsWith("<?xml version=\"1.0\" encoding=\"utf-8\" ?><results"));
        assertAliceUserIsFirstChild(answer.xml());
    }

    @Test
    void libofetionByMobileWithDigestType2SignsIn() throws Exception {
        String query = "mobileno=" + ALICE_MOBILE + "&domains=fetion.com.cn&v4digest-type=2&v4digest="
                + SigninClients.digestType2(ALICE_USER_ID, ALICE_PASSWORD);

        SigninClients.Answer answer = libofetion(query).answer();

        assertEquals(200, answer.status());
        assertAliceUserIsFirstChild(answer.xml());
    }

    @Test
    void jdkHttpClientSignsInByMobileWithLowerCaseDigestAndMapleFetionDomains() throws Exception {
        String digest = SigninClients.digestType1(BOB_PASSWORD).toLowerCase(Locale.ROOT);
        URI uri = URI.create("https://" + fixture.https() + SsiEndpoint.V4_PATH + "?mobileno=" + BOB_MOBILE
                + "&domains=fetion.com.cn%3bm161.com.cn%3bwww.ikuwa.cn&v4digest-type=1&v4digest=" + digest);

        HttpResponse<byte[]> response = SigninClients.httpClient().send(
                HttpRequest.newBuilder(uri).timeout(SigninClients.TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("ssic=") && cookie.indexOf(';') > 5, cookie); // MapleFetion cuts at ';'
        Element user = (Element) SigninClients.parseXml(response.body()).getFirstChild();
        assertEquals("13800000002", user.getAttribute("mobile-no"));
        assertEquals("300000002", user.getAttribute("user-id"));
    }

    @Test
    void wrongDigestGets401WithStatusCodeInBody() throws Exception {
        SigninClients.Answer answer = libofetion(bySid(ALICE_SID, SigninClients.digestType1("wrong"))).answer();

        assertEquals(401, answer.status());
        assertEquals("401", answer.xml().getAttribute("status-code"));
        assertFalse(answer.header("Set-Cookie").isPresent());
    }

    @Test
    void unknownUserGets404() throws Exception {
        SigninClients.Answer answer = libofetion(bySid("999999999", SigninClients.digestType1("x"))).answer();

        assertEquals(404, answer.status());
        assertEquals("404", answer.xml().getAttribute("status-code"));
    }

    @Test
    void malformedDigestGets400AndDoesNotCountTowardLockout() throws Exception {
        for (int i = 0; i < LoginGuard.DEFAULT_MAX_FAILURES; i++) {
            assertEquals(400, libofetion(bySid(ALICE_SID, "not-hex")).answer().status());
        }

        assertFalse(fixture.guard.isLockedOut(ALICE_SID));
    }

    @Test
    void repeatedWrongDigestsLockTheAccountWith421VerificationEvenForTheRightPassword() throws Exception {
        String wrong = bySid(ALICE_SID, SigninClients.digestType1("guess"));
        for (int i = 1; i < LoginGuard.DEFAULT_MAX_FAILURES; i++) {
            assertEquals(401, libofetion(wrong).answer().status(), "failure " + i);
        }
        assertLockedOutAnswer(libofetion(wrong).answer());

        assertLockedOutAnswer(libofetion(bySid(ALICE_SID, SigninClients.digestType1(ALICE_PASSWORD))).answer());
        assertTrue(fixture.guard.isLockedOut(ALICE_SID), "the SIP-C login sees the same lockout");
    }

    @Test
    void lockoutFromTheSipcLoginAlsoRefusesSsi() throws Exception {
        for (int i = 0; i < LoginGuard.DEFAULT_MAX_FAILURES; i++) {
            fixture.guard.recordFailure(ALICE_SID); // as LoginFlow does for a wrong R #2
        }

        assertLockedOutAnswer(libofetion(bySid(ALICE_SID, SigninClients.digestType1(ALICE_PASSWORD))).answer());
    }

    @Test
    void successClearsEarlierFailures() throws Exception {
        libofetion(bySid(ALICE_SID, SigninClients.digestType1("guess")));
        assertEquals(200, libofetion(bySid(ALICE_SID, SigninClients.digestType1(ALICE_PASSWORD))).answer().status());

        for (int i = 1; i < LoginGuard.DEFAULT_MAX_FAILURES; i++) {
            fixture.guard.recordFailure(ALICE_SID);
        }
        assertFalse(fixture.guard.isLockedOut(ALICE_SID), "the failure before the success was forgotten");
    }

    private static void assertLockedOutAnswer(SigninClients.Answer answer) throws Exception {
        assertEquals(421, answer.status());
        Element results = answer.xml();
        assertEquals("421", results.getAttribute("status-code"));
        Element verification = assertInstanceOf(Element.class, results.getFirstChild());
        assertEquals("verification", verification.getTagName());
        assertEquals("picc-PasswordErrorMax", verification.getAttribute("algorithm"));
        assertEquals("GeneralPic", verification.getAttribute("type"));
        assertTrue(verification.hasAttribute("text") && verification.hasAttribute("tips"));
    }

    /** libofetion's shape (section 7.3): {@code <user>} is the first child node, with uri, mobile-no, user-id. */
    private static void assertAliceUserIsFirstChild(Element results) {
        assertEquals("results", results.getTagName());
        assertEquals("200", results.getAttribute("status-code"));
        Element user = assertInstanceOf(Element.class, results.getFirstChild(), "first child node, no whitespace");
        assertEquals("user", user.getTagName());
        assertEquals("sip:916000001@fetion.com.cn;p=" + (1000 + 916000001L % 9000), user.getAttribute("uri"));
        assertEquals(ALICE_MOBILE, user.getAttribute("mobile-no"));
        assertEquals(ALICE_USER_ID, user.getAttribute("user-id"));
        assertEquals("101", user.getAttribute("user-status"));
        Element credential = (Element) user.getElementsByTagName("credential").item(0);
        assertEquals("fetion.com.cn", credential.getAttribute("domain"));
        byte[] c = Base64.getDecoder().decode(credential.getAttribute("c").getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, c.length % 16, "MapleFetion decrypts credentials: whole AES blocks");
    }
}
