package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.client.RsaChallenge;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginResponsesTest {
    /** Sample 43, R #1 of the v2 capture; the builder trims the official client's trailing space in {@code I}. */
    private static final SipcRequest V2_R1 = request(SipcVersion.V2, "678345136", "1 ", "1 R");
    /** Sample 01, R #1 of libofetion. */
    private static final SipcRequest V4_R1 = request(SipcVersion.V4, "916000001", "1", "2 R");

    @Test
    void v2ChallengeIsByteForByteSample44() {
        String nonce = "115D841444272AA115CEFF255BD78468";
        SipcResponse response = LoginResponses.unauthorized(V2_R1, new V2Challenge(nonce).wwwAuthenticate());
        assertArrayEquals(Sample.load("44-v2-register-401").bytes(), response.toBytes(), text(response));
    }

    @Test
    void v4ChallengeIsByteForByteSample02() {
        Sample sample = Sample.load("02-register-v4-401-challenge");
        String w = sample.header("W").orElseThrow();
        RsaChallenge seen = RsaChallenge.parseLibofetion(w).orElseThrow();
        String signature = w.substring(w.indexOf("signature=\"") + 11, w.length() - 1);
        SipcResponse response = LoginResponses.unauthorized(V4_R1,
                new V4Challenge(seen.nonce(), seen.key(), signature).wwwAuthenticate());
        assertEquals("SIP-C/4.0 401 Unauthoried", response.startLine().toString());
        assertArrayEquals(sample.bytes(), response.toBytes(), text(response));
    }

    @Test
    void loginAnswerHasTheHeadersOfSample06() {
        String body = V4LoginAnswer.body(AccountDirectory.demo().accounts().get(0), AccountDirectory.demo(),
                LoginOrigin.firstLogin("127.0.0.1", Instant.EPOCH),
                LoginCredentials.random(TestRegistries.seededRandom(3)));
        SipcRequest r2 = request(SipcVersion.V4, "916000001", "2", "2 R");
        Sample sample = Sample.load("06-register-v4-200-ok");
        SipcResponse response = LoginResponses.registered(r2, body);
        String wire = text(response);
        assertEquals(sample.startLine(), wire.substring(0, wire.indexOf("\r\n")));
        assertEquals(sample.headerNames(), headerNames(wire));
        assertEquals("L: " + body.getBytes(StandardCharsets.UTF_8).length, wire.split("\r\n")[4]);
    }

    @Test
    void v2LoginAnswerHasTheHeadersOfSample46() {
        SipcRequest r2 = request(SipcVersion.V2, "678345136", "1 ", "2 R");
        String wire = text(LoginResponses.registered(r2, "<results/>"));
        Sample sample = Sample.load("46-v2-register-200-ok");
        assertEquals(sample.startLine(), wire.substring(0, wire.indexOf("\r\n")));
        assertEquals(sample.headerNames(), headerNames(wire));
        assertEquals("I: 1", wire.split("\r\n")[1]);
    }

    @Test
    void serviceAnswerEchoesCallIdAndCSeqLikeSample48() {
        SipcRequest s = new SipcRequest(SipcMethod.S, "fetion.com.cn", SipcVersion.V2, SipcHeaders.of("F",
                "678345136", "I", "3 ", "Q", "1 S", "N", "GetContactList", "L", "141"), SipcBody.EMPTY);
        String wire = text(LoginResponses.ok(s, "<results/>"));
        assertEquals(Sample.load("48-v2-service-getcontactlist-200").headerNames(), headerNames(wire));
        assertEquals("Q: 1 S", wire.split("\r\n")[2]);
    }

    @Test
    void statusUsesTheVersionsSpellingOf401() {
        assertEquals("SIP-C/2.0 401 Unauthorized", LoginResponses.status(V2_R1, 401).startLine().toString());
        assertEquals("SIP-C/4.0 401 Unauthoried", LoginResponses.status(V4_R1, 401).startLine().toString());
        assertEquals("SIP-C/4.0 400 Bad Request", LoginResponses.status(V4_R1, 400).startLine().toString());
    }

    private static SipcRequest request(SipcVersion version, String from, String callId, String cseq) {
        return new SipcRequest(SipcMethod.R, "fetion.com.cn", version, SipcHeaders.of("F", from, "I", callId, "Q",
                cseq), SipcBody.EMPTY);
    }

    private static String text(SipcResponse response) {
        return new String(response.toBytes(), StandardCharsets.UTF_8);
    }

    private static List<String> headerNames(String wire) {
        String head = wire.substring(0, wire.indexOf("\r\n\r\n"));
        String[] lines = head.split("\r\n");
        return Arrays.stream(lines, 1, lines.length).map(l -> l.substring(0, l.indexOf(':'))).toList();
    }
}
