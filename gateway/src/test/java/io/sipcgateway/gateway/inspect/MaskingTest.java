package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksTheV4RsaResponseAndKeepsTheAlgorithm() {
        String r = Pairs.fixture("sipc/login-v4/03-c2s-register-auth.sipc");
        String masked = Masking.mask(r);
        assertFalse(masked.contains(Pairs.RSA_RESPONSE));
        assertTrue(masked.contains("A: Digest response=\"***\",algorithm=\"SHA1-sess-v4\"\r\n"), masked);
        assertTrue(masked.startsWith("R fetion.com.cn SIP-C/4.0\r\nF: 916000001\r\nI: 2\r\nQ: 2 R\r\n"));
    }

    @Test
    void masksV2DigestResponseAndSaltButNotTheCnonce() {
        String a = "A: Digest algorithm=\"SHA1-sess\",response=\"8E6E2D\",cnonce=\"C0FFEE\",salt=\"5FE81000\"\r\n";
        String masked = Masking.mask("R fetion.com.cn SIP-C/2.0\r\n" + a + "\r\n");
        assertEquals("R fetion.com.cn SIP-C/2.0\r\n"
                + "A: Digest algorithm=\"SHA1-sess\",response=\"***\",cnonce=\"C0FFEE\",salt=\"***\"\r\n\r\n", masked);
    }

    @Test
    void masksCaptchaTicksAndChatCredentials() {
        String text = "R 1.2.3.4:8080 SIP-C/4.0\r\n"
                + "A: Verify response=\"x7k2\",algorithm=\"picc-ChangeMachine\",type=\"GeneralPic\",chid=\"abc\"\r\n"
                + "A: TICKS auth=\"1234567.89\"\r\n\r\n";
        String masked = Masking.mask(text);
        assertTrue(masked.contains("A: Verify response=\"***\",algorithm=\"picc-ChangeMachine\",type=\"GeneralPic\","
                + "chid=\"abc\"\r\n"), masked);
        assertTrue(masked.contains("A: TICKS auth=\"***\"\r\n"), masked);
        String cs = Masking.mask("SIP-C/4.0 200 OK\r\nA: CS address=\"1.2.3.4:8080\",credential=\"4413.5\"\r\n\r\n");
        assertTrue(cs.contains("A: CS address=\"1.2.3.4:8080\",credential=\"***\""), cs);
    }

    @Test
    void masksCredentialsAndKernelInTheLoginAnswer() {
        String ok = Pairs.fixture("sipc/login-v4/06-s2c-200-ok.sipc");
        String masked = Masking.mask(ok);
        assertFalse(masked.contains(Pairs.KERNEL));
        assertFalse(masked.contains(Pairs.CREDENTIAL));
        assertTrue(masked.contains("<credentials kernel=\"***\"><credential domain=\"fetion.com.cn\" c=\"***\"/>"));
        assertTrue(masked.contains("contact-caps=\"ffffff\""), "look-alike attributes stay");
        assertTrue(masked.contains("<buddy-list id=\"1\" name=\"我的好友\"/>"), "the rest of the body stays");
    }

    @Test
    void masksSipDigestAuthorizationAndSsicCookies() {
        String sip = "REGISTER sip:sipc.local SIP/2.0\r\nProxy-Authorization: Digest username=\"alice\", "
                + "realm=\"sipc.local\", nonce=\"4f1a\", uri=\"sip:sipc.local\", response=\"" + Pairs.SIP_RESPONSE
                + "\", opaque=\"x\"\r\nContent-Length: 0\r\n\r\n";
        String masked = Masking.mask(sip);
        assertTrue(masked.contains("Proxy-Authorization: Digest username=\"alice\", realm=\"sipc.local\", "
                + "nonce=\"4f1a\", uri=\"sip:sipc.local\", response=\"***\", opaque=\"x\"\r\n"), masked);
        assertEquals("Cookie: ssic=***; path=/", Masking.mask("Cookie: ssic=Y29va2llLXZhbHVl; path=/"));
        assertEquals("GET /ssiportal/SSIAppSignIn.aspx?mobileno=138&pwd=***",
                Masking.mask("GET /ssiportal/SSIAppSignIn.aspx?mobileno=138&pwd=hunter2"));
        assertEquals("<args><password>***</password></args>",
                Masking.mask("<args><password>hunter2</password></args>"));
    }

    @Test
    void redactsBodiesKeepingTheLengthReadable() {
        String r = Pairs.fixture("sipc/login-v4/03-c2s-register-auth.sipc");
        String redacted = Masking.message(r, true);
        assertTrue(redacted.contains("L: 375\r\n\r\n[redacted 375 bytes]"), redacted);
        assertFalse(redacted.contains("machine-code"));
        String utf8 = "M 1 SIP-C/4.0\r\nL: 6\r\n\r\n宋体";
        assertEquals("M 1 SIP-C/4.0\r\nL: 6\r\n\r\n[redacted 6 bytes]", Masking.redactBody(utf8));
        String noBody = "SIP-C/4.0 200 OK\r\nI: 3\r\nQ: 2 SUB\r\n\r\n";
        assertEquals(noBody, Masking.redactBody(noBody));
    }

    @Test
    void wireSinksFixTheLengthOfMaskedMessages() {
        String redacted = Masking.message(Pairs.fixture("sipc/login-v4/03-c2s-register-auth.sipc"), true);
        String fixed = WireText.fixContentLength(redacted);
        assertTrue(fixed.contains("L: 20\r\n\r\n[redacted 375 bytes]"), fixed);
        assertEquals("SIP/2.0 200 OK\r\ncontent-length: 2\r\n\r\nhi",
                WireText.fixContentLength("SIP/2.0 200 OK\r\ncontent-length: 9\r\n\r\nhi"));
        assertEquals("S x SIP-C/4.0\r\nL: 3;p=0\r\n\r\nabc",
                WireText.fixContentLength("S x SIP-C/4.0\r\nL: 9;p=0\r\n\r\nabc"));
    }
}
