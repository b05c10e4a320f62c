package io.sipcgateway.gateway.signin;

import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_MOBILE;
import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_PASSWORD;
import static io.sipcgateway.gateway.signin.SigninFixture.BOB_PASSWORD;
import static io.sipcgateway.gateway.signin.SigninFixture.BOB_SID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The v2 SSI sign-in with the plain password (section 7.1), over loopback TLS. */
class SsiV2SignInTest {
    private SigninFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = SigninFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private HttpResponse<byte[]> get(String query) throws Exception {
        URI uri = URI.create("https://" + fixture.https() + SsiEndpoint.V2_PATH + "?" + query);
        return SigninClients.httpClient().send(HttpRequest.newBuilder(uri).timeout(SigninClients.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void plaintextPasswordByMobileSignsInWithCookieAndUser() throws Exception {
        HttpResponse<byte[]> response = get("mobileno=" + ALICE_MOBILE + "&pwd=" + ALICE_PASSWORD);

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Set-Cookie").orElseThrow().matches("ssic=[A-Za-z0-9+/=]+; path=/"));
        Element results = SigninClients.parseXml(response.body());
        assertEquals("200", results.getAttribute("status-code"));
        Element user = assertInstanceOf(Element.class, results.getFirstChild());
        assertEquals("user", user.getTagName());
        assertTrue(user.getAttribute("uri").startsWith("sip:916000001@fetion.com.cn;p="));
        assertEquals(ALICE_MOBILE, user.getAttribute("mobile-no"));
        assertEquals("101", user.getAttribute("user-status"));
    }

    @Test
    void plaintextPasswordBySidWithReservedCharactersEncodedSignsIn() throws Exception {
        HttpResponse<byte[]> response = get("sid=" + BOB_SID + "&pwd="
                + URLEncoder.encode(BOB_PASSWORD, StandardCharsets.UTF_8));

        assertEquals(200, response.statusCode());
    }

    @Test
    void wrongPlaintextPasswordGets401AndCountsTowardLockout() throws Exception {
        HttpResponse<byte[]> response = get("mobileno=" + ALICE_MOBILE + "&pwd=bobpw");

        assertEquals(401, response.statusCode());
        assertEquals("401", SigninClients.parseXml(response.body()).getAttribute("status-code"));
        assertFalse(response.headers().firstValue("Set-Cookie").isPresent());
        assertEquals(1, fixture.guard.trackedAccounts(), "the failure counts in the shared LoginGuard");
    }

    @Test
    void missingPasswordGets400() throws Exception {
        assertEquals(400, get("mobileno=" + ALICE_MOBILE).statusCode());
    }

    @Test
    void pyFetionFormPostSignsIn() throws Exception {
        // PyFetion_old posts urlencode({'mobileno': .., 'pwd': ..}) to the SSI URL
        URI uri = URI.create("https://" + fixture.https() + SsiEndpoint.V2_PATH);
        HttpRequest post = HttpRequest.newBuilder(uri).timeout(SigninClients.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("mobileno=" + ALICE_MOBILE + "&pwd=" + ALICE_PASSWORD))
                .build();

        HttpResponse<byte[]> response = SigninClients.httpClient().send(post, HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
    }

    @Test
    void v2AnswerFitsOneLibofetionStyleRead() throws Exception {
        SigninClients.OneRead read = SigninClients.singleTlsRead(fixture.https(), SigninClients.libofetionSsiRequest(
                SsiEndpoint.V2_PATH + "?sid=916000001&pwd=" + ALICE_PASSWORD));

        SigninClients.Answer answer = read.answer();
        assertEquals(200, answer.status());
        assertEquals(Integer.parseInt(answer.header("Content-Length").orElseThrow()), answer.body().length);
        assertTrue(read.closedAfter());
    }
}
