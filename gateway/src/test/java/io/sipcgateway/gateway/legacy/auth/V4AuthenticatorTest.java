package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.FakeTicker;
import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class V4AuthenticatorTest {
    private static final Account ALICE = AccountDirectory.demo().bySid("916000001").orElseThrow();
    private static final Account BOB = AccountDirectory.demo().bySid("916000002").orElseThrow();
    private static final String W_SHAPE =
            "Digest algorithm=\"SHA1-sess-v4\",nonce=\"[0-9A-F]{32}\",key=\"[0-9A-F]{256}010001\","
                    + "signature=\"[0-9A-F]{256}\"";

    private final FakeTicker ticker = new FakeTicker();
    private final V4Authenticator authenticator = new V4Authenticator(TestRegistries.KEYS,
            TestRegistries.registry(ticker));

    @Test
    void challengeHasTheShapeOfSample02() {
        assertTrue(Sample.load("02-register-v4-401-challenge").header("W").orElseThrow().matches(W_SHAPE));
        assertTrue(authenticator.challenge(ALICE.sid()).wwwAuthenticate().matches(W_SHAPE));
    }

    @Test
    void verifiesAResponseBuiltAsLibofetionBuildsIt() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        byte[] tail = LegacyClient.libofetionAesKeyTail(new Random(5));
        String response = LegacyClient.v4Response(challenge.wwwAuthenticate(), ALICE.userId(), "alicepw", tail);
        AuthResult result = authenticator.verify(challenge, register(digest(response)), ALICE);
        assertArrayEquals(tail, assertInstanceOf(AuthResult.Verified.class, result).aesKeyTail());
    }

    @Test
    void libofetionAesKeyTailsVaryInLength() {
        Random random = new Random(11);
        int shortest = Integer.MAX_VALUE;
        for (int i = 0; i < 200; i++) {
            shortest = Math.min(shortest, LegacyClient.libofetionAesKeyTail(random).length);
        }
        assertEquals(0, shortest, "libofetion's quirk produces empty tails too");
    }

    @ParameterizedTest(name = "tail of {0} bytes")
    @ValueSource(ints = {0, 1, 16, 31, 32, 33, 65})
    void acceptsAnAesKeyTailOfAnyLength(int length) {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        byte[] tail = new byte[length];
        new Random(length).nextBytes(tail);
        String response = LegacyClient.v4Response(challenge.wwwAuthenticate(), ALICE.userId(), "alicepw", tail);
        AuthResult result = authenticator.verify(challenge, digest(response), ALICE);
        assertArrayEquals(tail, assertInstanceOf(AuthResult.Verified.class, result).aesKeyTail());
    }

    @Test
    void picksTheDigestHeaderWhenAVerifyHeaderFollowsLikeSample05() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        String response = LegacyClient.v4Response(challenge.wwwAuthenticate(), ALICE.userId(), "alicepw",
                new byte[0]);
        SipcRequest r2 = register(null, "Verify response=\"abcd\",algorithm=\"picc-ChangeMachine\"",
                digest(response));
        assertInstanceOf(AuthResult.Verified.class, authenticator.verify(challenge, r2, ALICE));
    }

    @Test
    void rejectsAWrongPassword() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        String response = LegacyClient.v4Response(challenge.wwwAuthenticate(), ALICE.userId(), "wrong", new byte[8]);
        assertFailure(AuthFailure.BAD_CREDENTIALS, authenticator.verify(challenge, digest(response), ALICE));
    }

    @Test
    void rejectsTheRightPasswordHashedWithAnotherUserId() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        String response = LegacyClient.v4Response(challenge.wwwAuthenticate(), BOB.userId(), "alicepw", new byte[0]);
        assertFailure(AuthFailure.BAD_CREDENTIALS, authenticator.verify(challenge, digest(response), ALICE));
    }

    @Test
    void rejectsAResponseEncryptingAnotherNonce() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        String otherNonce = authenticator.challenge(ALICE.sid()).nonce();
        String response = LegacyClient.v4Response(otherNonce, challenge.key(), ALICE.userId(), "alicepw",
                new byte[0]);
        assertFailure(AuthFailure.STALE_NONCE, authenticator.verify(challenge, digest(response), ALICE));
    }

    @Test
    void rejectsAReplayedResponse() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        String header = digest(LegacyClient.v4Response(challenge.wwwAuthenticate(), ALICE.userId(), "alicepw",
                new byte[32]));
        assertInstanceOf(AuthResult.Verified.class, authenticator.verify(challenge, header, ALICE));
        assertFailure(AuthFailure.STALE_NONCE, authenticator.verify(challenge, header, ALICE));
    }

    @Test
    void rejectsAnAnswerToAnExpiredChallenge() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        String header = digest(LegacyClient.v4Response(challenge.wwwAuthenticate(), ALICE.userId(), "alicepw",
                new byte[0]));
        ticker.advance(NonceRegistryConfig.DEFAULT_TTL.plus(Duration.ofMillis(1)));
        assertFailure(AuthFailure.STALE_NONCE, authenticator.verify(challenge, header, ALICE));
    }

    @Test
    void rejectsAResponseForAnotherAccountsChallenge() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        String header = digest(LegacyClient.v4Response(challenge.wwwAuthenticate(), BOB.userId(), "bobpw",
                new byte[0]));
        assertFailure(AuthFailure.STALE_NONCE, authenticator.verify(challenge, header, BOB));
    }

    @Test
    void rejectsAResponseEncryptedWithAnotherKey() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        String otherKey = V4KeyPair.generate(TestRegistries.seededRandom(99)).keyHex();
        String response = LegacyClient.v4Response(challenge.nonce(), otherKey, ALICE.userId(), "alicepw",
                new byte[0]);
        assertFailure(AuthFailure.BAD_CREDENTIALS, authenticator.verify(challenge, digest(response), ALICE));
    }

    @Test
    void rejectsAPlaintextShorterThanNonceAndHash() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        byte[] plain = (challenge.nonce() + "short").getBytes(StandardCharsets.US_ASCII);
        String response = HexFormat.of().withUpperCase().formatHex(LegacyClient.rsaEncrypt(challenge.key(), plain));
        AuthResult.Rejected rejected = assertFailure(AuthFailure.BAD_CREDENTIALS,
                authenticator.verify(challenge, digest(response), ALICE));
        assertTrue(rejected.reason().contains("shorter"), rejected.reason());
    }

    @Test
    void rejectsHexThatIsNoRsaBlockOfOurs() {
        V4Challenge challenge = authenticator.challenge(ALICE.sid());
        assertFailure(AuthFailure.BAD_CREDENTIALS, authenticator.verify(challenge, digest("AB".repeat(128)), ALICE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Digest response=\"ZZ\",algorithm=\"SHA1-sess-v4\"",
        "Digest algorithm=\"SHA1-sess-v4\"",
        "Digest response=\"00\",algorithm=\"SHA1-sess\"",
        "Digest response=\"00\"",
        "Verify response=\"abcd\",algorithm=\"picc-ChangeMachine\"",
        "",
    })
    void rejectsUnreadableHeadersAsMalformed(String header) {
        assertFailure(AuthFailure.MALFORMED, authenticator.verify(authenticator.challenge(ALICE.sid()), header,
                ALICE));
    }

    @ParameterizedTest(name = "{0} hex digits")
    @ValueSource(ints = {0, 2, 254, 255, 258, 512})
    void rejectsResponsesOfTheWrongLength(int digits) {
        AuthResult.Rejected rejected = assertFailure(AuthFailure.MALFORMED, authenticator.verify(
                authenticator.challenge(ALICE.sid()), digest("A".repeat(digits)), ALICE));
        assertTrue(rejected.reason().contains("256 hex digits"), rejected.reason());
    }

    @Test
    void rejectsGarbageHexInAnOtherwiseValidHeader() {
        String garbage = "G" + "A".repeat(255);
        AuthResult.Rejected rejected = assertFailure(AuthFailure.MALFORMED, authenticator.verify(
                authenticator.challenge(ALICE.sid()), digest(garbage), ALICE));
        assertTrue(rejected.reason().contains("not hex"), rejected.reason());
    }

    @Test
    void rejectsAMissingHeader() {
        assertFailure(AuthFailure.MALFORMED, authenticator.verify(authenticator.challenge(ALICE.sid()),
                register(null), ALICE));
    }

    @Test
    void turnsRandomInputIntoRejectionsNotExceptions() {
        Random random = new Random(1234);
        String alphabet = "0123456789ABCDEFabcdef\",= \\Digest-response-algorithm-SHA1-sess-v4";
        for (int i = 0; i < 300; i++) {
            StringBuilder header = new StringBuilder(i % 3 == 0 ? "Digest algorithm=SHA1-sess-v4,response=" : "");
            int length = random.nextInt(i % 2 == 0 ? 300 : 40);
            for (int c = 0; c < length; c++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            AuthResult result = authenticator.verify(authenticator.challenge(ALICE.sid()), header.toString(), ALICE);
            assertInstanceOf(AuthResult.Rejected.class, result, header.toString());
        }
    }

    @Test
    void theAuthorizationOfSample03HasTheExpectedShape() {
        String header = Sample.load("03-register-v4-auth").header("A").orElseThrow();
        if (!(V4Authorization.parse(header) instanceof ParseResult.Ok<V4Authorization> ok)) {
            throw new AssertionError("sample 03's A header does not parse: " + header);
        }
        assertEquals(128, ok.value().ciphertext().length);
    }

    private static String digest(String response) {
        return "Digest response=\"" + response + "\",algorithm=\"SHA1-sess-v4\"";
    }

    private static SipcRequest register(String authorization, String... more) {
        SipcHeaders.Builder headers = SipcHeaders.builder().add("F", ALICE.sid()).add("I", "2").add("Q", "2 R");
        if (authorization != null) {
            headers.add("A", authorization);
        }
        for (String value : more) {
            headers.add("A", value);
        }
        headers.add("AK", "ak-value");
        return new SipcRequest(SipcMethod.R, "fetion.com.cn", SipcVersion.V4, headers.build(), SipcBody.EMPTY);
    }

    private static AuthResult.Rejected assertFailure(AuthFailure expected, AuthResult result) {
        AuthResult.Rejected rejected = assertInstanceOf(AuthResult.Rejected.class, result);
        assertEquals(expected, rejected.failure(), rejected.reason());
        return rejected;
    }
}
