package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sipcgateway.gateway.FakeTicker;
import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcVersion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class V2AuthenticatorTest {
    private static final Account ALICE = AccountDirectory.demo().bySid("916000001").orElseThrow();
    private static final Account BOB = AccountDirectory.demo().bySid("916000002").orElseThrow();
    private static final String CNONCE = "9E169DCA9CBD85F1D1A89A893E00917E";

    private final FakeTicker ticker = new FakeTicker();
    private final V2Authenticator authenticator = new V2Authenticator(TestRegistries.registry(ticker));

    @Test
    void verifiesTheSecondRegisterOfALoginAsAClientWouldSendIt() {
        V2Challenge challenge = authenticator.challenge(ALICE.sid());
        String response = LegacyClient.md5SessResponse(ALICE.sid(), "alicepw", challenge.nonce(), CNONCE);
        SipcRequest r2 = register("Digest response=\"" + response + "\",cnonce=\"" + CNONCE + "\"");
        assertInstanceOf(AuthResult.Verified.class, authenticator.verify(challenge, r2, ALICE));
    }

    @Test
    void rejectsTheSameResponseTwice() {
        V2Challenge challenge = authenticator.challenge(ALICE.sid());
        String header = "Digest algorithm=\"SHA1-sess\",response=\"" + LegacyClient.sha1SessResponse(ALICE.sid(),
                "alicepw", challenge.nonce(), CNONCE, "5FE81000") + "\",cnonce=\"" + CNONCE + "\",salt=\"5FE81000\"";
        assertInstanceOf(AuthResult.Verified.class, authenticator.verify(challenge, header, ALICE));
        assertFailure(AuthFailure.STALE_NONCE, authenticator.verify(challenge, header, ALICE));
    }

    @Test
    void usesUpTheNonceEvenWhenThePasswordIsWrong() {
        V2Challenge challenge = authenticator.challenge(ALICE.sid());
        String wrong = LegacyClient.md5SessResponse(ALICE.sid(), "guess", challenge.nonce(), CNONCE);
        String right = LegacyClient.md5SessResponse(ALICE.sid(), "alicepw", challenge.nonce(), CNONCE);
        assertFailure(AuthFailure.BAD_CREDENTIALS, authenticator.verify(challenge, md5(wrong), ALICE));
        assertFailure(AuthFailure.STALE_NONCE, authenticator.verify(challenge, md5(right), ALICE));
    }

    @Test
    void rejectsAnExpiredChallenge() {
        V2Challenge challenge = authenticator.challenge(ALICE.sid());
        ticker.advance(NonceRegistryConfig.DEFAULT_TTL.plus(Duration.ofSeconds(1)));
        String right = LegacyClient.md5SessResponse(ALICE.sid(), "alicepw", challenge.nonce(), CNONCE);
        assertFailure(AuthFailure.STALE_NONCE, authenticator.verify(challenge, md5(right), ALICE));
    }

    @Test
    void rejectsAChallengeIssuedToAnotherAccount() {
        V2Challenge challenge = authenticator.challenge(ALICE.sid());
        String bobs = LegacyClient.md5SessResponse(BOB.sid(), "bobpw", challenge.nonce(), CNONCE);
        assertFailure(AuthFailure.STALE_NONCE, authenticator.verify(challenge, md5(bobs), BOB));
    }

    @Test
    void reportsAMissingOrUnreadableHeaderAsMalformed() {
        assertFailure(AuthFailure.MALFORMED, authenticator.verify(authenticator.challenge(ALICE.sid()),
                register(null), ALICE));
        assertFailure(AuthFailure.MALFORMED, authenticator.verify(authenticator.challenge(ALICE.sid()),
                "Digest response=nothex", ALICE));
    }

    private static String md5(String response) {
        return "Digest response=\"" + response + "\",cnonce=\"" + CNONCE + "\"";
    }

    private static SipcRequest register(String authorization) {
        SipcHeaders.Builder headers = SipcHeaders.builder().add("F", ALICE.sid()).add("I", "1").add("Q", "2 R");
        if (authorization != null) {
            headers.add("A", authorization);
        }
        return new SipcRequest(SipcMethod.R, "fetion.com.cn", SipcVersion.V2, headers.build(), SipcBody.EMPTY);
    }

    private static void assertFailure(AuthFailure expected, AuthResult result) {
        assertEquals(expected, assertInstanceOf(AuthResult.Rejected.class, result).failure(), result.toString());
    }
}
