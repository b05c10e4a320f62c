package io.sipcgateway.gateway.legacy;

import static io.sipcgateway.gateway.legacy.Clients.WAIT;
import static io.sipcgateway.gateway.legacy.Clients.assertEchoes;
import static io.sipcgateway.gateway.legacy.Clients.names;
import static io.sipcgateway.gateway.legacy.Clients.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.client.ClientFailure;
import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.ClientLogin.V2Algorithm;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.client.SignedIn;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.SignedInCall;
import io.sipcgateway.gateway.legacy.auth.LibofetionLoginParser;
import io.sipcgateway.gateway.legacy.auth.XmlShape;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.util.List;
import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logins over real TCP against the legacy front (sections 7.1, 7.2): both v2 digests, the v4 RSA login and its
 * answer, and every refusal: wrong password, lockout, unknown user. Replays and requests before login are in
 * {@link LegacyLoginAbuseIT}.
 */
class LegacyLoginIT extends LegacyFrontCase {
    static final String ALICE = "916000001";
    static final String ALICE_ID = "300000001";



    @BeforeEach
    void start() throws InterruptedException {
        startFront(LegacyFront.Settings.DEFAULT.withMaxFailures(3));
    }


    @Test
    void v2LoginWithMd5SessDigest() {
        SignedIn in = clients.connect().login(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.MD5_SESS)).orElseThrow();

        assertV2Login(in);
        assertTrue(in.authorize().header(SipcHeaderName.AUTHORIZATION).orElseThrow()
                .matches("Digest response=\"[0-9A-F]{32}\",cnonce=\"[0-9A-F]{32}\""));
    }

    @Test
    void v2LoginWithSha1SessDigest() {
        SignedIn in = clients.connect().login(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.SHA1_SESS)).orElseThrow();

        assertV2Login(in);
        assertTrue(in.authorize().header(SipcHeaderName.AUTHORIZATION).orElseThrow().matches("Digest algorithm="
                + "\"SHA1-sess\",response=\"[0-9A-F]{32}\",cnonce=\"[0-9A-F]{32}\",salt=\"[0-9A-F]{8}\""));
    }

    /** Samples 43-46: one I for both R, Q 1 then 2, the v2 401 without F, and the 200 with X and no contact list. */
    private void assertV2Login(SignedIn in) {
        assertEquals(List.of("F", "I", "Q"), names(in.register()));
        assertEquals("SIP-C/2.0 401 Unauthorized", in.challenge().startLine().toString());
        assertEquals(List.of("I", "Q", "W"), names(in.challenge()));
        assertEchoes(in.register(), in.challenge());
        assertTrue(in.challenge().header(SipcHeaderName.WWW_AUTHENTICATE).orElseThrow()
                .matches("Digest algorithm=\"MD5-sess;SHA1-sess\",nonce=\"[0-9A-F]{32}\""));
        assertEquals(in.register().callId(), in.authorize().callId(), "R #2 keeps the I of R #1");
        assertEquals("2 R", in.authorize().header(SipcHeaderName.CSEQ).orElseThrow());
        assertEquals("SIP-C/2.0 200 OK", in.ok().startLine().toString());
        assertEchoes(in.authorize(), in.ok());
        assertEquals("600", in.ok().header(SipcHeaderName.EXPIRES).orElseThrow());
        Element results = XmlShape.parse(in.ok().body().utf8());
        XmlShape.assertChildren(results, "client", "user-info", "presence");
        XmlShape.assertNoWhitespaceTextNodes(results);
        SignedInCall call = front.core().await(SignedInCall.class, c -> c.sid().equals(ALICE), WAIT).orElseThrow();
        assertEquals(SipcVersion.V2, call.user().version());
    }

    @Test
    void v4LoginAnswersWithTheContactListInTheShapeLibofetionParses() {
        LegacyClient client = clients.connect();
        SignedIn in = client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).orElseThrow();

        assertEquals(List.of("F", "I", "Q", "CN", "CL"), names(in.register()));          // sample 01
        assertEquals("SIP-C/4.0 401 Unauthoried", in.challenge().startLine().toString()); // sample 02, sic
        assertEquals(List.of("F", "I", "Q", "W"), names(in.challenge()));
        assertEquals(ALICE, in.challenge().header(SipcHeaderName.FROM).orElseThrow());
        assertEchoes(in.register(), in.challenge());
        assertTrue(in.challenge().header(SipcHeaderName.WWW_AUTHENTICATE).orElseThrow().matches("Digest algorithm="
                + "\"SHA1-sess-v4\",nonce=\"[0-9A-F]{32}\",key=\"[0-9A-F]{256}010001\",signature=\"[0-9A-F]{256}\""));
        assertEquals(List.of("F", "I", "Q", "A", "AK"), names(in.authorize()));            // sample 03, L added
        assertNotEquals(in.register().callId(), in.authorize().callId(), "libofetion: a new I for R #2");
        assertEquals("SIP-C/4.0 200 OK", in.ok().startLine().toString());
        assertEchoes(in.authorize(), in.ok());
        assertEquals("600", in.ok().header(SipcHeaderName.EXPIRES).orElseThrow());

        Element results = XmlShape.parse(in.ok().body().utf8());                          // section 7.4
        assertEquals("client", ((Element) XmlShape.firstNode(results)).getName());
        assertEquals("user-info", ((Element) XmlShape.nextNode(XmlShape.firstNode(results))).getName());
        XmlShape.assertNoWhitespaceTextNodes(results);
        LibofetionLoginParser.assertParses(results);
        Element bob = XmlShape.child(XmlShape.child(XmlShape.child(XmlShape.child(results, "user-info"),
                "contact-list"), "buddies"), "b");
        assertEquals("300000002", bob.attributeValue("i"));
        assertEquals("sip:916000002@fetion.com.cn;p=" + (1000 + 916000002L % 9000), bob.attributeValue("u"));
        assertEquals(List.of("916000002"), client.contacts().stream().map(c -> c.sid().orElseThrow()).toList());
        assertEquals(SipcVersion.V4, front.core().await(SignedInCall.class, c -> c.sid().equals(ALICE), WAIT)
                .orElseThrow().user().version());
    }

    @Test
    void wrongPasswordGets401WithAFreshChallengeAndTheConnectionStaysUsable() {
        LegacyClient client = clients.connect();
        ClientFailure failure = client.login(ClientLogin.v4(ALICE, ALICE_ID, "guess")).failure();

        assertEquals(ClientFailure.Kind.REJECTED, failure.kind());
        assertEquals(401, failure.code());
        List<SipcResponse> answers = Clients.drainResponses(client);
        assertEquals(2, answers.size(), "the challenge to R #1, then a new one to R #2");
        assertEquals(List.of("F", "I", "Q", "W"), names(answers.get(1)));
        assertEquals(32, nonce(answers.get(1)).length());
        assertNotEquals(nonce(answers.get(0)), nonce(answers.get(1)), "every challenge has its own nonce");
        assertTrue(client.isOpen());
        assertTrue(client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).isOk(), "the right password still works");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountOutAndCloseTheConnection() {
        LegacyClient client = clients.connect();
        ClientLogin wrong = ClientLogin.v2(ALICE, "guess", V2Algorithm.SHA1_SESS);
        assertEquals(401, client.login(wrong).failure().code());
        assertEquals(401, client.login(wrong).failure().code());

        ClientFailure third = client.login(wrong).failure();                      // maxFailures = 3
        assertEquals(403, third.code());
        assertEquals("Too Many Failed Logins", third.response().orElseThrow().status().reason());
        assertTrue(third.message().contains("locked out"), third.message());
        assertTrue(client.awaitClosed(WAIT), "the gateway closes after the lockout");

        LegacyClient again = clients.connect();
        ClientFailure locked = again.login(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.SHA1_SESS)).failure();
        assertEquals(403, locked.code(), "even the right password, while locked out");
        assertTrue(again.awaitClosed(WAIT));
        assertTrue(front.core().calls(SignedInCall.class).isEmpty());
    }

    @Test
    void unknownUserGets404() {
        LegacyClient client = clients.connect();
        ClientFailure failure = client.login(ClientLogin.v4("916000099", "300000099", "pw")).failure();

        SipcResponse notFound = failure.response().orElseThrow();
        assertEquals("SIP-C/4.0 404 Not Found", notFound.startLine().toString());
        assertEquals(List.of("I", "Q"), names(notFound));
        assertEquals("1", notFound.callId().orElseThrow());
        assertTrue(failure.message().contains("no user 916000099"), failure.message());
        assertFalse(front.registry().find("916000099").isPresent());
    }
}
