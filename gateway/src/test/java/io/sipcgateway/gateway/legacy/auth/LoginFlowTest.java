package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.FakeTicker;
import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Both logins as a session would drive them, with the client side reading only what is on the wire. */
class LoginFlowTest {
    private final AccountDirectory directory = AccountDirectory.demo();
    private final NonceRegistry nonces = TestRegistries.registry(new FakeTicker());

    @Test
    void v4LoginFromFirstRegisterToContactList() {
        V4Authenticator authenticator = new V4Authenticator(TestRegistries.KEYS, nonces);
        SipcRequest r1 = Sample.load("03-register-v4-auth").request();             // F 916000001, v4
        Account account = directory.bySid(r1.header(SipcHeaderName.FROM).orElseThrow()).orElseThrow();

        V4Challenge challenge = authenticator.challenge(account.sid());
        SipcResponse unauthorized = LoginResponses.unauthorized(r1, challenge.wwwAuthenticate());
        String wire = new String(unauthorized.toBytes(), StandardCharsets.UTF_8);
        assertTrue(wire.startsWith("SIP-C/4.0 401 Unauthoried\r\nF: 916000001\r\n"), wire);

        String w = unauthorized.header(SipcHeaderName.WWW_AUTHENTICATE).orElseThrow();
        String response = LegacyClient.v4Response(w, "300000001", "alicepw", new byte[] {1, 2, 3});
        String a = "Digest response=\"" + response + "\",algorithm=\"SHA1-sess-v4\"";
        AuthResult result = authenticator.verify(challenge, a, account);
        assertEquals(3, assertInstanceOf(AuthResult.Verified.class, result).aesKeyTail().length);

        SipcResponse ok = LoginResponses.registered(r1, V4LoginAnswer.body(account, directory,
                LoginOrigin.firstLogin("127.0.0.1", Instant.EPOCH),
                LoginCredentials.random(TestRegistries.seededRandom(9))));
        assertEquals(SipcVersion.V4, ok.version());
        assertEquals("600", ok.header(SipcHeaderName.EXPIRES).orElseThrow());
        LibofetionLoginParser.assertParses(XmlShape.parse(ok.body().utf8()));
    }

    @Test
    void v2LoginFromFirstRegisterToContactList() {
        V2Authenticator authenticator = new V2Authenticator(nonces);
        SipcRequest r1 = Sample.load("45-v2-register-auth-sha1sess").request();     // F 678345136, v2
        assertEquals("678345136", r1.header(SipcHeaderName.FROM).orElseThrow());
        Account account = directory.bySid("916000001").orElseThrow();

        V2Challenge challenge = authenticator.challenge(account.sid());
        SipcResponse unauthorized = LoginResponses.unauthorized(r1, challenge.wwwAuthenticate());
        assertEquals("SIP-C/2.0 401 Unauthorized", unauthorized.startLine().toString());

        String w = unauthorized.header(SipcHeaderName.WWW_AUTHENTICATE).orElseThrow();
        String nonce = w.substring(w.indexOf("nonce=\"") + 7, w.length() - 1);
        String cnonce = "31AA711B2F6E4FF1182EBFF32CB08171";
        String a = "Digest algorithm=\"SHA1-sess\",response=\"" + LegacyClient.sha1SessResponse(account.sid(),
                "alicepw", nonce, cnonce, "5FE81000") + "\",cnonce=\"" + cnonce + "\",salt=\"5FE81000\"";
        assertInstanceOf(AuthResult.Verified.class, authenticator.verify(challenge, a, account));

        SipcResponse ok = LoginResponses.registered(r1, V2LoginAnswer.body(account, directory,
                LoginOrigin.firstLogin("127.0.0.1", Instant.EPOCH)));
        assertEquals("SIP-C/2.0 200 OK", ok.startLine().toString());
        SipcRequest getContactList = Sample.load("47-v2-service-getcontactlist").request();
        SipcResponse contacts = LoginResponses.ok(getContactList, V2ContactListAnswer.body(account, directory));
        assertEquals("3", contacts.callId().orElseThrow());
    }
}
