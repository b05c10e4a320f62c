package io.sipcgateway.gateway.legacy;

import static io.sipcgateway.gateway.legacy.Clients.WAIT;
import static io.sipcgateway.gateway.legacy.Clients.names;
import static io.sipcgateway.gateway.legacy.LegacyLoginIT.ALICE;
import static io.sipcgateway.gateway.legacy.LegacyLoginIT.ALICE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.accounts.FetionUri;
import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.ClientLogin.V2Algorithm;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.AnsweredCall;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.ForwardedCall;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a signed-in client sends reaches the core in the shapes of the samples (presence 12, subscription 08/49,
 * message 21), and what the gateway pushes is answered as libofetion answers it: {@code 200 OK} with {@code F I Q}
 * (sample 26), never to {@code BN}.
 */
class LegacyTrafficIT extends LegacyFrontCase {
    private static final String BOB = "916000002";



    @BeforeEach
    void start() throws InterruptedException {
        startFront(LegacyFront.Settings.DEFAULT);
    }


    @Test
    void v4PresenceSubscriptionAndMessageReachTheCoreAsSent() {
        LegacyClient client = clients.connect();
        client.login(ClientLogin.v4(ALICE, ALICE_ID, "alicepw")).orElseThrow();

        assertEquals(200, client.setPresence(100).orElseThrow().code());
        assertEquals(200, client.subscribe().orElseThrow().code());
        assertEquals(200, client.sendMessage(BOB, "hello bob").orElseThrow().code());

        List<SipcRequest> sent = forwarded(3);
        assertRequest(sent.get(0), "S", "3", "2 S", "SetPresenceV4");                              // sample 12
        assertEquals("\n<args><presence><basic value=\"100\"/></presence></args>\n", sent.get(0).body().utf8());
        assertRequest(sent.get(1), "SUB", "4", "2 SUB", "PresenceV4");                            // sample 08
        assertEquals("\n<args><subscription self=\"v4default;mail-count\" buddy=\"v4default\" version=\"0\"/>"
                + "</args>\n", sent.get(1).body().utf8());
        assertRequest(sent.get(2), "M", "5", "2 M", "CatMsg");                                      // sample 21
        assertEquals(List.of("F", "I", "Q", "T", "C", "K", "N", "L"), names(sent.get(2)));
        assertEquals(FetionUri.of(BOB), sent.get(2).header(SipcHeaderName.TO).orElseThrow(), "bob's URI as listed");
        assertEquals("text/plain", sent.get(2).header(SipcHeaderName.CONTENT_TYPE).orElseThrow());
        assertEquals("SaveHistory", sent.get(2).header(SipcHeaderName.SUPPORTED).orElseThrow());
        assertEquals("hello bob", sent.get(2).body().utf8());
    }

    @Test
    void v2SubscriptionListsTheBuddiesOfGetContactList() {
        LegacyClient client = clients.connect();
        client.login(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.MD5_SESS)).orElseThrow();

        assertEquals(200, client.subscribe().orElseThrow().code());
        assertEquals(200, client.setPresence(400).orElseThrow().code());

        List<SipcRequest> sent = forwarded(2);                        // GetContactList is the gateway's own answer
        assertEquals(List.of(BOB), client.contacts().stream().map(c -> c.sid().orElseThrow()).toList());
        assertRequest(sent.get(0), "SUB", "3", "1 SUB", "presence");                                // sample 49
        String body = sent.get(0).body().utf8();
        assertTrue(body.startsWith("<args><subscription><contacts><contact uri=\"" + FetionUri.of(BOB) + "\" />"
                + "</contacts>"), body);
        assertTrue(body.contains("<subscription><contacts><contact uri=\"" + FetionUri.of(ALICE) + "\" />"), body);
        assertRequest(sent.get(1), "S", "4", "1 S", "SetPresence");                                  // section 4.2
        assertEquals("<args><presence><basic value=\"400\" /></presence></args>", sent.get(1).body().utf8());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"M", "IN", "I", "O", "B"})
    void pushedRequestIsAnswered200WithFromCallIdAndCSeq(String method) {
        LegacyClient bob = clients.connect();
        bob.login(ClientLogin.v4(BOB, "300000002", "bobpw")).orElseThrow();
        LegacyConnection toBob = front.registry().find(BOB).orElseThrow().connection();
        String alice = FetionUri.of(ALICE);

        toBob.send(push(SipcMethod.BN, SipcHeaders.of("N", "PresenceV4", "I", "1", "Q", "3 BN"),
                "<events><event type=\"PresenceChanged\"><contacts/></event></events>"));
        toBob.send(push(SipcMethod.of(method), SipcHeaders.of("I", "-13", "Q", "4 " + method, "F", alice,
                "C", "text/html-fragment", "K", "SaveHistory"), "<Font Face='x' Color='-1' Size='10.5'>hi</Font>"));

        AnsweredCall answered = front.core().await(AnsweredCall.class, c -> c.sid().equals(BOB), WAIT).orElseThrow();
        SipcResponse reply = answered.response();                                                      // sample 26
        assertEquals("SIP-C/4.0 200 OK", reply.startLine().toString());
        assertEquals(List.of("F", "I", "Q"), names(reply));
        assertEquals(alice, reply.header(SipcHeaderName.FROM).orElseThrow());
        assertEquals("-13", reply.callId().orElseThrow());
        assertEquals("4 " + method, reply.header(SipcHeaderName.CSEQ).orElseThrow());
        assertEquals(1, front.core().calls(AnsweredCall.class).size(), "the BN before it was not answered");
        assertTrue(bob.awaitRequest(SipcMethod.BN, WAIT).isPresent(), "the BN did arrive");
    }

    private static SipcRequest push(SipcMethod method, SipcHeaders headers, String body) {
        return new SipcRequest(method, BOB, SipcVersion.V4, headers, SipcBody.ofUtf8(body));
    }

    /** The first {@code n} requests forwarded to the core, waiting for the last. */
    private List<SipcRequest> forwarded(int n) {
        front.core().await(ForwardedCall.class, c -> front.core().calls(ForwardedCall.class).size() >= n, WAIT);
        List<SipcRequest> requests = front.core().calls(ForwardedCall.class).stream().map(ForwardedCall::request)
                .toList();
        assertEquals(n, requests.size(), requests.toString());
        return requests;
    }

    private static void assertRequest(SipcRequest request, String method, String callId, String cseq, String event) {
        assertEquals(method + " fetion.com.cn " + request.version(), request.startLine().toString());
        assertEquals(ALICE, request.header(SipcHeaderName.FROM).orElseThrow());
        assertEquals(callId, request.callId().orElseThrow());
        assertEquals(cseq, request.header(SipcHeaderName.CSEQ).orElseThrow());
        assertEquals(event, request.event().orElseThrow());
    }
}
