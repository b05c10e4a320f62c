package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class V2AuthorizationTest {
    private static final String RESPONSE = "466E9193E6BD7C14D461C62DF040752C";
    private static final String CNONCE = "31AA711B2F6E4FF1182EBFF32CB08171";

    @Test
    void parsesTheSha1SessHeaderOfSample45() {
        String header = Sample.load("45-v2-register-auth-sha1sess").header("A").orElseThrow();
        V2Authorization.Sha1Sess auth = assertInstanceOf(V2Authorization.Sha1Sess.class, ok(header));
        assertEquals(RESPONSE, auth.response());
        assertEquals(CNONCE, auth.cnonce());
        assertEquals("5FE81000", auth.salt());
    }

    @Test
    void parsesTheMd5SessFormWithoutAlgorithm() {
        V2Authorization auth = ok("Digest response=\"" + RESPONSE + "\",cnonce=\"" + CNONCE + "\"");
        assertEquals(new V2Authorization.Md5Sess(RESPONSE, CNONCE), auth);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Digest response=\"466E9193E6BD7C14D461C62DF040752C\",cnonce=\"abc\"",
        "digest RESPONSE=\"466E9193E6BD7C14D461C62DF040752C\", CNonce=\"abc\"",
        "DIGEST   response = 466E9193E6BD7C14D461C62DF040752C ,cnonce= abc ,",
        "Digest response=\"466e9193e6bd7c14d461c62df040752c\",cnonce=\"abc\",algorithm=\"md5-sess\"",
        "Digest\tresponse=\"466E9193E6BD7C14D461C62DF040752C\",cnonce=\"abc\",qop=auth",
        "  Digest response=\"466E9193E6BD7C14D461C62DF040752C\",,cnonce=\"abc\"  ",
    })
    void toleratesSpacingQuotingCaseAndUnknownParameters(String header) {
        assertEquals(new V2Authorization.Md5Sess(RESPONSE, "abc"), ok(header));
    }

    @Test
    void keepsTheCnonceExactlyAsSentButUpperCasesHex() {
        V2Authorization auth = ok("Digest algorithm=sha1-sess,response=\"466e9193e6bd7c14d461c62df040752c\","
                + "cnonce=\"MiXeD\",salt=\"5fe81000\"");
        assertEquals(new V2Authorization.Sha1Sess(RESPONSE, "MiXeD", "5FE81000"), auth);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Digest", "Basic dXNlcjpwYXNz", "Digestresponse=\"x\""})
    void rejectsMissingOrForeignHeaders(String header) {
        malformed(header);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Digest cnonce=\"abc\"                                                     | no response",
        "Digest response=\"466E9193E6BD7C14D461C62DF040752C\"                      | no cnonce",
        "Digest response=\"466E\",cnonce=\"abc\"                                   | expected 32 hex",
        "Digest response=\"XYZE9193E6BD7C14D461C62DF040752C\",cnonce=\"abc\"       | expected 32 hex",
        "Digest response=\"466E9193E6BD7C14D461C62DF040752C\",cnonce=\"\"          | cnonce",
        "Digest response=\"466E9193E6BD7C14D461C62DF040752C\",cnonce=\"a b\"       | cnonce",
        "Digest response=\"466E9193E6BD7C14D461C62DF040752C\",cnonce=\"abc        | unterminated",
        "Digest response=\"466E9193E6BD7C14D461C62DF040752C\",response=\"1\"       | twice",
        "Digest response=\"466E9193E6BD7C14D461C62DF040752C\" cnonce=\"abc\"       | unexpected character",
        "Digest response\"466E9193E6BD7C14D461C62DF040752C\",cnonce=\"abc\"        | expected '='",
        "Digest =\"466E9193E6BD7C14D461C62DF040752C\"                             | parameter name",
        "Digest algorithm=SHA1-sess,response=466E9193E6BD7C14D461C62DF040752C,cnonce=a | salt",
        "Digest algorithm=SHA1-sess,response=466E9193E6BD7C14D461C62DF040752C,cnonce=a,salt=5FE8 | salt",
        "Digest algorithm=SHA1-sess-v4,response=466E9193E6BD7C14D461C62DF040752C,cnonce=a | unsupported algorithm",
    })
    void rejectsGarbageSayingWhy(String header, String why) {
        String reason = malformed(header);
        assertTrue(reason.contains(why), "'" + reason + "' should mention '" + why + "'");
    }

    @Test
    void rejectsOverlongHeaders() {
        String reason = malformed("Digest response=\"" + "A".repeat(DigestParams.MAX_LENGTH) + "\"");
        assertTrue(reason.contains("longer than"), reason);
    }

    private static V2Authorization ok(String header) {
        ParseResult<V2Authorization> result = V2Authorization.parse(header);
        if (result instanceof ParseResult.Ok<V2Authorization> ok) {
            return ok.value();
        }
        return fail(result.toString());
    }

    private static String malformed(String header) {
        return assertInstanceOf(ParseResult.Malformed.class, V2Authorization.parse(header)).reason();
    }
}
