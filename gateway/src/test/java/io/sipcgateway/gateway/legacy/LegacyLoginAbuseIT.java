package io.sipcgateway.gateway.legacy;

import static io.sipcgateway.gateway.legacy.Clients.WAIT;
import static io.sipcgateway.gateway.legacy.Clients.assertEchoes;
import static io.sipcgateway.gateway.legacy.Clients.nonce;
import static io.sipcgateway.gateway.legacy.LegacyLoginIT.ALICE;
import static io.sipcgateway.gateway.legacy.LegacyLoginIT.ALICE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.accounts.FetionUri;
import io.sipcgateway.gateway.client.CallIds;
import io.sipcgateway.gateway.client.ClientEvent;
import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.ClientLogin.V2Algorithm;
import io.sipcgateway.gateway.client.ClientRequests;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.client.SignedIn;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.ForwardedCall;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.SignedInCall;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.SignedOutCall;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile or broken client gets from the legacy front over real TCP: a replayed authorization is challenged
 * again, nothing but {@code R} is served before login, nobody may send as someone else, and bytes the decoder
 * cannot read are answered {@code 400} (when {@code I} and {@code Q} were read) and the connection closed.
 */
class LegacyLoginAbuseIT extends LegacyFrontCase {



    @BeforeEach
    void start() throws InterruptedException {
        startFront(LegacyFront.Settings.DEFAULT);
    }


    @ParameterizedTest(name = "SIP-C/{0}.0")
    @ValueSource(ints = {2, 4})
    void replayingAnAuthorizationAfterANewChallengeGets401NotASession(int major) {
        boolean v4 = major == 4;
        ClientLogin login = v4 ? ClientLogin.v4(ALICE, ALICE_ID, "alicepw")
                : ClientLogin.v2(ALICE, "alicepw", V2Algorithm.SHA1_SESS);
        SignedIn captured = clients.connect().login(login).orElseThrow();
        String capturedA = captured.authorize().header(SipcHeaderName.AUTHORIZATION).orElseThrow();

        LegacyClient attacker = clients.connect();
        CallIds ids = new CallIds(v4 ? SipcVersion.V4 : SipcVersion.V2);
        SipcRequest first = v4 ? ClientRequests.registerV4First(ALICE, ids.next(SipcMethod.R),
                "58EC944A5CFFDC514873986923C64567") : ClientRequests.registerV2(ALICE, ids.next(SipcMethod.R), null);
        SipcResponse challenge = attacker.exchange(first).orElseThrow();
        assertEquals(401, challenge.code());
        SipcRequest replay = v4 ? ClientRequests.registerV4Auth(ALICE, ids.next(SipcMethod.R), capturedA, "",
                ALICE_ID) : ClientRequests.registerV2(ALICE, ids.next(SipcMethod.R), capturedA);
        SipcResponse answer = attacker.exchange(replay).orElseThrow();

        assertEquals(401, answer.code(), "an old A answers an old nonce, not this challenge");
        assertEchoes(replay, answer);
        assertEquals(32, nonce(answer).length());
        assertNotEquals(nonce(challenge), nonce(answer), "and a fresh challenge follows");
        assertEquals(1, front.core().calls(SignedInCall.class).size(), "only the captured login signed in");
    }

    @Test
    void requestBeforeLoginIsForbiddenAndLogged() {
        LegacyClient client = clients.connect();
        try (CapturedLogs logs = CapturedLogs.of(ClientSession.class)) {
            SipcRequest early = new SipcRequest(SipcMethod.S, ClientRequests.TARGET, SipcVersion.V4,
                    SipcHeaders.of("F", ALICE, "I", "1", "Q", "2 S", "N", "GetContactList"), SipcBody.EMPTY);
            SipcResponse answer = client.exchange(early).orElseThrow();

            assertEquals("SIP-C/4.0 403 Forbidden", answer.startLine().toString());
            assertEchoes(early, answer);
            assertTrue(logs.messages().stream().anyMatch(m -> m.endsWith("sent S before login; refused")),
                    logs.messages().toString());
        }
        assertTrue(client.isOpen(), "a login may still follow");
        assertTrue(client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).isOk());
        assertTrue(front.core().calls(ForwardedCall.class).isEmpty());
    }

    @Test
    void sendingAsAnotherUserAfterLoginIsForbidden() {
        LegacyClient client = clients.connect();
        client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).orElseThrow();
        SipcRequest own = client.newRequest(SipcMethod.M, SipcHeaders.of("T", FetionUri.of("916000001"),
                "C", "text/plain", "N", "CatMsg"), SipcBody.ofUtf8("spoofed"));
        SipcRequest spoofed = own.withHeaders(own.headers().toBuilder().set(SipcHeaderName.FROM, "916000002").build());

        try (CapturedLogs logs = CapturedLogs.of(ClientSession.class)) {
            SipcResponse answer = client.exchange(spoofed).orElseThrow();
            assertEquals("SIP-C/4.0 403 Forbidden", answer.startLine().toString());
            assertEchoes(spoofed, answer);
            assertTrue(logs.messages().stream().anyMatch(m -> m.contains("signed in as 916000001 sent M with F: "
                    + "916000002")), logs.messages().toString());
        }
        assertTrue(front.core().calls(ForwardedCall.class).isEmpty(), "nothing reached the core");
        assertTrue(client.setPresence(400).isOk(), "the session goes on");
    }

    @Test
    void malformedFrameAfterLoginIsAnswered400AndTheConnectionClosed() {
        LegacyClient client = clients.connect();
        client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).orElseThrow();
        client.received().clear();

        String bad = "S fetion.com.cn SIP-C/4.0\r\nF: 916000001\r\nI: 9\r\nQ: 2 S\r\nthis line has no colon\r\n\r\n";
        assertTrue(client.sendRaw(bad.getBytes(StandardCharsets.US_ASCII)));

        SipcResponse answer = (SipcResponse) ((ClientEvent.Message) client.awaitReceived(e -> e instanceof
                ClientEvent.Message m && m.message() instanceof SipcResponse, WAIT).orElseThrow()).message();
        assertEquals("SIP-C/4.0 400 Bad Request", answer.startLine().toString());
        assertEquals("9", answer.callId().orElseThrow());
        assertEquals("2 S", answer.header(SipcHeaderName.CSEQ).orElseThrow());
        assertTrue(client.awaitClosed(WAIT), "the decoder discards the rest, so the gateway closes");
        assertTrue(front.core().await(SignedOutCall.class, c -> c.sid().equals(ALICE), WAIT).isPresent());
        assertFalse(front.registry().find(ALICE).isPresent());
    }

    @Test
    void malformedFrameWithoutCallIdIsClosedWithoutAnAnswer() {
        LegacyClient client = clients.connect();
        assertTrue(client.sendRaw("HELLO\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

        assertTrue(client.awaitClosed(WAIT));
        assertTrue(client.received().stream().noneMatch(e -> e instanceof ClientEvent.Message),
                "no I and Q to answer to");
    }

    @Test
    void requestPipelinedAfterTheLogoutIsNotServed() {
        LegacyClient client = clients.connect();
        client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).orElseThrow();
        SipcRequest logout = client.newRequest(SipcMethod.R, SipcHeaders.of("X", "0"), SipcBody.EMPTY);
        SipcRequest late = client.newRequest(SipcMethod.M, SipcHeaders.of("T", FetionUri.of("916000002"),
                "C", "text/plain", "N", "CatMsg"), SipcBody.ofUtf8("after logout"));
        byte[] one = logout.toBytes();
        byte[] two = late.toBytes();
        byte[] both = new byte[one.length + two.length];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(two, 0, both, one.length, two.length);

        assertTrue(client.sendRaw(both));                  // one TCP write: the M is decoded before the close

        assertTrue(client.awaitClosed(WAIT));
        front.core().await(SignedOutCall.class, c -> c.sid().equals(ALICE), WAIT).orElseThrow();
        assertTrue(front.core().calls(ForwardedCall.class).isEmpty(),
                "a signed-out user's request reached the core: " + front.core().calls());
    }
}
