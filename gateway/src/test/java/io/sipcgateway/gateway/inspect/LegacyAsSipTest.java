package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LegacyAsSipTest {
    private static final Endpoint CLIENT = Endpoint.parse(Pairs.LEGACY_PEER);

    @Test
    void rendersASubscribeWithLongNames() {
        String sub = Pairs.fixture("sipc/presence-v4/01-c2s-sub-presencev4.sipc");
        String body =
                "\n<args><subscription self=\"v4default;mail-count\" buddy=\"v4default\" version=\"0\"/></args>\n";
        assertEquals("SUBSCRIBE sip:fetion.com.cn SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 192.0.2.10:40001;branch=z9hG4bK-sipc-" + Integer.toHexString("s4@gw".hashCode())
                + "\r\n"
                + "X-Fetion-Original: SUB fetion.com.cn SIP-C/4.0\r\n"
                + "From: <sip:916000001@fetion.com.cn>\r\n"
                + "Call-ID: s4@gw\r\n"
                + "X-Fetion-Call-ID: 3\r\n"
                + "CSeq: 2 SUBSCRIBE\r\n"
                + "Event: PresenceV4\r\n"
                + "Content-Length: 88\r\n"
                + "\r\n" + body, LegacyAsSip.render(sub, "s4@gw", CLIENT));
    }

    @Test
    void rendersStatusLinesAndServerRequests() {
        String ok = Pairs.fixture("cases/m-catmsg-200-v4/legacy.sipc");
        String rendered = LegacyAsSip.render(ok, "m1@gw", CLIENT);
        assertEquals("SIP/2.0 200 OK", rendered.lines().findFirst().orElseThrow());
        assertEquals("CSeq: 2 MESSAGE", rendered.lines().filter(l -> l.startsWith("CSeq")).findFirst().orElseThrow());
        assertEquals("X-Fetion-Message-ID: 925d6e3837b7410f9187ae66853e9a25",
                rendered.lines().filter(l -> l.startsWith("X-Fetion-Message-ID")).findFirst().orElseThrow());
        assertEquals("To: <sip:916000002@fetion.com.cn;p=5678>",
                rendered.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow());
        assertEquals("BENOTIFY sip:756444636@fetion.com.cn SIP/2.0", LegacyAsSip.startLine("BN 756444636 SIP-C/2.0"));
        assertEquals("SIP/2.0 401 Unauthoried", LegacyAsSip.startLine("SIP-C/4.0 401 Unauthoried"));
    }
}
