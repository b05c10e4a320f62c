package io.sipcgateway.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.codec.SipcParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RsaChallengeTest {
    private static final String SAMPLE_02 = SipcParser.parse(Fixtures.bytes("sipc/login-v4/02-s2c-401-challenge.sipc"))
            .header(SipcHeaderName.WWW_AUTHENTICATE).orElseThrow();

    @Test
    void readsNonceAndKeyOfSample02() {
        RsaChallenge challenge = RsaChallenge.parseLibofetion(SAMPLE_02).orElseThrow();
        assertEquals("1104E253661D71141DFE3FB020143E5A", challenge.nonce());
        assertEquals(262, challenge.key().length());
        assertTrue(challenge.key().startsWith("A355B99E") && challenge.key().endsWith("010001"));
    }

    @Test
    void failsLikeLibofetionWhenTheKeyIsTheLastParameter() {
        String keyLast = SAMPLE_02.substring(0, SAMPLE_02.indexOf(",signature="));
        assertEquals(Optional.empty(), RsaChallenge.parseLibofetion(keyLast));
    }

    @Test
    void refusesAV2ChallengeAndAShortKey() {
        assertEquals(Optional.empty(), RsaChallenge.parseLibofetion(
                "Digest algorithm=\"MD5-sess;SHA1-sess\",nonce=\"115D841444272AA115CEFF255BD78468\""));
        assertEquals(Optional.empty(), RsaChallenge.parseLibofetion(
                "Digest nonce=\"AB\",key=\"0123\",signature=\"00\""));
    }

    @Test
    void readsTheV2NonceOfSample44() {
        assertEquals(Optional.of("115D841444272AA115CEFF255BD78468"), ClientAuth.v2Nonce(
                "Digest algorithm=\"MD5-sess;SHA1-sess\",nonce=\"115d841444272aa115ceff255bd78468\""));
        assertEquals(Optional.empty(), ClientAuth.v2Nonce("Digest algorithm=\"MD5-sess\""));
    }
}
