package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.Credentials;
import io.sipcgateway.gateway.client.ClientAuth;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class V2DigestTest {
    private static final Account ALICE = AccountDirectory.demo().bySid("916000001").orElseThrow();
    /** Nonce and cnonce of samples 44 and 45. */
    private static final String NONCE = "115D841444272AA115CEFF255BD78468";
    private static final String CNONCE = "31AA711B2F6E4FF1182EBFF32CB08171";

    @Test
    void wwwAuthenticateHasTheFormOfSample44() {
        String sample = Sample.load("44-v2-register-401").header("W").orElseThrow();
        assertEquals(sample, V2Digest.wwwAuthenticate(NONCE));
        assertEquals(sample, V2Digest.wwwAuthenticate(NONCE.toLowerCase(Locale.ROOT)));
    }

    /** Expected values computed with Python hashlib from the formulas of section 7.1. */
    @Test
    void md5SessMatchesIndependentlyComputedKnownAnswer() {
        V2Authorization auth = new V2Authorization.Md5Sess("7EB8413979C2D8BB57242CE40C5D0997", CNONCE);
        assertEquals(auth.response(), V2Digest.expectedResponse(auth, NONCE, "916000001", ALICE.credentials()));
    }

    @Test
    void sha1SessMatchesIndependentlyComputedKnownAnswer() {
        V2Authorization auth = new V2Authorization.Sha1Sess("D34857A15170F62A8B1D2F20DD4F86FE", CNONCE, "5FE81000");
        assertEquals(auth.response(), V2Digest.expectedResponse(auth, NONCE, "916000001", ALICE.credentials()));
    }

    @Test
    void verifiesMd5SessResponseComputedLikeTheClient() {
        String response = ClientAuth.md5SessResponse("916000001", "alicepw", NONCE, CNONCE);
        AuthResult result = V2Digest.verify(new V2Authorization.Md5Sess(response, CNONCE), NONCE, "916000001",
                ALICE.credentials());
        assertEquals(0, assertInstanceOf(AuthResult.Verified.class, result).aesKeyTail().length);
    }

    @Test
    void verifiesSha1SessResponseForAnySalt() {
        for (String salt : new String[] {"5FE81000", "777A6D03", "00000000", "FFFFFFFF"}) {
            String response = ClientAuth.sha1SessResponse("916000001", "alicepw", NONCE, CNONCE, salt);
            AuthResult result = V2Digest.verify(new V2Authorization.Sha1Sess(response, CNONCE, salt), NONCE,
                    "916000001", ALICE.credentials());
            assertInstanceOf(AuthResult.Verified.class, result, "salt " + salt);
        }
    }

    @Test
    void rejectsWrongPasswordWithEitherAlgorithm() {
        String md5 = ClientAuth.md5SessResponse("916000001", "wrongpw", NONCE, CNONCE);
        String sha1 = ClientAuth.sha1SessResponse("916000001", "wrongpw", NONCE, CNONCE, "5FE81000");
        assertBadCredentials(V2Digest.verify(new V2Authorization.Md5Sess(md5, CNONCE), NONCE, "916000001",
                ALICE.credentials()));
        assertBadCredentials(V2Digest.verify(new V2Authorization.Sha1Sess(sha1, CNONCE, "5FE81000"), NONCE,
                "916000001", ALICE.credentials()));
    }

    @Test
    void rejectsResponseComputedForAnotherNonceCnonceOrSalt() {
        String otherNonce = ClientAuth.md5SessResponse("916000001", "alicepw", "0" + NONCE.substring(1), CNONCE);
        assertBadCredentials(V2Digest.verify(new V2Authorization.Md5Sess(otherNonce, CNONCE), NONCE, "916000001",
                ALICE.credentials()));
        String response = ClientAuth.md5SessResponse("916000001", "alicepw", NONCE, CNONCE);
        assertBadCredentials(V2Digest.verify(new V2Authorization.Md5Sess(response, CNONCE + "0"), NONCE,
                "916000001", ALICE.credentials()));
        String salted = ClientAuth.sha1SessResponse("916000001", "alicepw", NONCE, CNONCE, "5FE81000");
        assertBadCredentials(V2Digest.verify(new V2Authorization.Sha1Sess(salted, CNONCE, "5FE81001"), NONCE,
                "916000001", ALICE.credentials()));
    }

    @Test
    void usesTheNonceUpperCaseWhateverCaseItIsGivenIn() {
        String response = ClientAuth.md5SessResponse("916000001", "alicepw", NONCE, CNONCE);
        AuthResult result = V2Digest.verify(new V2Authorization.Md5Sess(response, CNONCE),
                NONCE.toLowerCase(Locale.ROOT), "916000001", ALICE.credentials());
        assertInstanceOf(AuthResult.Verified.class, result);
    }

    @Test
    void keyDependsOnTheSidSoAnotherAccountsHashesFail() {
        Credentials bob = AccountDirectory.demo().bySid("916000002").orElseThrow().credentials();
        String response = ClientAuth.md5SessResponse("916000001", "alicepw", NONCE, CNONCE);
        assertBadCredentials(V2Digest.verify(new V2Authorization.Md5Sess(response, CNONCE), NONCE, "916000001",
                bob));
    }

    private static void assertBadCredentials(AuthResult result) {
        AuthResult.Rejected rejected = assertInstanceOf(AuthResult.Rejected.class, result);
        assertEquals(AuthFailure.BAD_CREDENTIALS, rejected.failure());
        assertTrue(rejected.reason().contains("does not match"), rejected.reason());
    }
}
