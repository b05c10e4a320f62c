package io.sipcgateway.mapping.presence;

import static io.sipcgateway.mapping.presence.PresenceAssertions.ok;
import static io.sipcgateway.mapping.presence.PresenceAssertions.presence;
import static io.sipcgateway.mapping.presence.PresenceAssertions.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.TestInputs;

class RlmiNotifyTest {
    private static final String BOUNDARY = "50UBfW7LSCVLtggUPe5z";
    private static final String CONTENT_TYPE = "multipart/related;type=\"application/rlmi+xml\";"
            + "start=\"<nXYxAE@ps.cintel.net.cn>\";boundary=\"" + BOUNDARY + "\"";
    private static final String B = "sip:B@ps.cintel.net.cn";
    private static final String C = "sip:C@ps.cintel.net.cn";

    @Test
    void readsTheSeedDocumentsNotifyAndReportsItsDamagedParts() {
        // The page broke the Content-Type over three lines; unfolding them is the only change to the seed bytes.
        String contentType = TestInputs.utf8("seeds/000-rlmi-notify-content-type.txt")
                .substring("Content-Type: ".length()).replace("\n", "");
        assertEquals(CONTENT_TYPE, contentType);
        byte[] body = TestInputs.bytes("seeds/000-rlmi-notify-body.txt");

        RlmiNotify.RlmiList list = ok(RlmiNotify.readList(body, contentType));
        assertEquals("sip:A-list@ps.cintel.net.cn", list.uri());
        assertEquals(1, list.version());
        assertTrue(list.fullState());
        assertEquals(List.of(), list.updates());
        assertEquals(2, list.skipped().size());
        assertEquals(B, list.skipped().get(0).resourceUri());
        assertEquals(Problem.MALFORMED, list.skipped().get(0).problem());   // B's part holds "C", not PIDF
        assertEquals(new RlmiNotify.Skipped(C, Problem.MISSING, "no part with Content-ID <C@ps.cintel.net.cn>"),
                list.skipped().get(1));

        BodyResult.Rejected<?> r = rejected(Problem.MALFORMED, RlmiNotify.read(body, contentType));
        assertTrue(r.detail().contains(B) && r.detail().contains(C), r.detail());
    }

    @Test
    void readsTheSeedExampleWithItsPidfPartsRestoredUsingCrlf() {
        byte[] body = notify("\r\n", true, true);
        assertEquals(List.of(
                        new PresenceUpdate(B, presence(Basic.OPEN, Activity.AWAY, "lunch soon", null)),
                        new PresenceUpdate(C, Presence.of(Basic.CLOSED, Activity.NONE))),
                ok(RlmiNotify.read(body, CONTENT_TYPE)));
    }

    @Test
    void readsTheSameNotifyWithLfLineEnds() {
        assertEquals(ok(RlmiNotify.read(notify("\r\n", true, true), CONTENT_TYPE)),
                ok(RlmiNotify.read(notify("\n", true, true), CONTENT_TYPE)));
    }

    @Test
    void skipsAMissingPartWithAReasonAndKeepsTheOthers() {
        RlmiNotify.RlmiList list = ok(RlmiNotify.readList(notify("\r\n", true, false), CONTENT_TYPE));
        assertEquals(1, list.updates().size());
        assertEquals(B, list.updates().get(0).identity());
        assertEquals(List.of(new RlmiNotify.Skipped(C, Problem.MISSING,
                "no part with Content-ID <C@ps.cintel.net.cn>")), list.skipped());
        assertEquals(1, ok(RlmiNotify.read(notify("\r\n", true, false), CONTENT_TYPE)).size());
    }

    @Test
    void usesTheResourceUriNotThePidfEntityAsIdentity() {
        String body = notifyText("\r\n", true, true).replace("entity=\"sip:B@ps.cintel.net.cn\"", "entity=\"sip:x@y\"");
        assertEquals(B, ok(RlmiNotify.read(utf8(body), CONTENT_TYPE)).get(0).identity());
    }

    @Test
    void ignoresPendingAndTerminatedInstances() {
        String body = notifyText("\r\n", true, true)
                .replace("id=\"hqzsuxtfyq\" state=\"active\"",
                        "id=\"hqzsuxtfyq\" state=\"terminated\" reason=\"rejected\"");
        RlmiNotify.RlmiList list = ok(RlmiNotify.readList(utf8(body), CONTENT_TYPE));
        assertEquals(List.of(B), list.updates().stream().map(PresenceUpdate::identity).toList());
        assertEquals(List.of(), list.skipped());
    }

    @Test
    void rejectsBadBoundaries() {
        byte[] body = notify("\r\n", true, true);
        rejected(Problem.MALFORMED, RlmiNotify.read(body, CONTENT_TYPE.replace(BOUNDARY, "otherBoundary")));
        rejected(Problem.MALFORMED, RlmiNotify.read(body, CONTENT_TYPE.replace(BOUNDARY, "bad\u00e9boundary")));
        rejected(Problem.MALFORMED, RlmiNotify.read(body, CONTENT_TYPE.replace(BOUNDARY, "x".repeat(71))));
        rejected(Problem.MISSING, RlmiNotify.read(body, "multipart/related;type=\"application/rlmi+xml\""));
    }

    @Test
    void rejectsWrongContentTypesAndMissingStartPart() {
        byte[] body = notify("\r\n", true, true);
        rejected(Problem.UNSUPPORTED, RlmiNotify.read(body, "application/pidf+xml"));
        rejected(Problem.UNSUPPORTED, RlmiNotify.read(body, CONTENT_TYPE.replace("application/rlmi+xml", "text/html")));
        rejected(Problem.MISSING, RlmiNotify.read(body, CONTENT_TYPE.replace("nXYxAE", "nothere")));
        rejected(Problem.TOO_LARGE, RlmiNotify.read(new byte[RlmiNotify.MAX_BYTES + 1], CONTENT_TYPE));
    }

    @Test
    void readsANestedListPart() {
        String inner = "--in\r\nContent-Type: application/rlmi+xml\r\nContent-ID: <inner-list>\r\n\r\n"
                + "<list xmlns=\"urn:ietf:params:xml:ns:rlmi\" uri=\"sip:friends@x\" version=\"3\" fullState=\"true\">"
                + "<resource uri=\"sip:d@x\"><instance id=\"1\" state=\"active\" cid=\"d@x\"/></resource></list>\r\n"
                + "--in\r\nContent-Type: application/pidf+xml\r\nContent-ID: <d@x>\r\n\r\n"
                + new String(Pidf.write("sip:d@x", Presence.of(Basic.OPEN, Activity.MEETING)), StandardCharsets.UTF_8)
                + "\r\n--in--\r\n";
        String outer = "--out\r\nContent-Type: application/rlmi+xml\r\nContent-ID: <root>\r\n\r\n"
                + "<list xmlns=\"urn:ietf:params:xml:ns:rlmi\" uri=\"sip:all@x\" version=\"7\" fullState=\"false\">"
                + "<resource uri=\"sip:friends@x\"><instance id=\"9\" state=\"active\" cid=\"nested\"/></resource>"
                + "</list>\r\n--out\r\nContent-Type: multipart/related;type=\"application/rlmi+xml\";"
                + "start=\"<inner-list>\";boundary=\"in\"\r\nContent-ID: <nested>\r\n\r\n" + inner + "\r\n--out--\r\n";
        RlmiNotify.RlmiList list = ok(RlmiNotify.readList(utf8(outer),
                "multipart/related; type=\"application/rlmi+xml\"; start=\"<root>\"; boundary=out"));
        assertEquals(7, list.version());
        assertEquals(List.of(new PresenceUpdate("sip:d@x", Presence.of(Basic.OPEN, Activity.MEETING))), list.updates());
    }

    /** The seed 000 example with real PIDF parts for B (open, away) and C (closed), and the close delimiter. */
    private static byte[] notify(String eol, boolean withB, boolean withC) {
        return utf8(notifyText(eol, withB, withC));
    }

    private static String notifyText(String eol, boolean withB, boolean withC) {
        String seed = TestInputs.utf8("seeds/000-rlmi-notify-body.txt");
        String rlmi = seed.substring(seed.indexOf("<?xml"), seed.indexOf("</list>") + "</list>".length());
        StringBuilder b = new StringBuilder();
        b.append("--").append(BOUNDARY).append(eol).append("Content-Transfer-Encoding: binary").append(eol)
                .append("Content-ID: <nXYxAE@ps.cintel.net.cn>").append(eol)
                .append("Content-Type: application/rlmi+xml;charset=\"UTF-8\"").append(eol).append(eol)
                .append(rlmi.replace("\n", eol)).append(eol);
        if (withB) {
            part(b, eol, "B@ps.cintel.net.cn", Pidf.write(B, presence(Basic.OPEN, Activity.AWAY, "lunch soon", null)));
        }
        if (withC) {
            part(b, eol, "C@ps.cintel.net.cn", Pidf.write(C, Presence.of(Basic.CLOSED, Activity.NONE)));
        }
        return b.append("--").append(BOUNDARY).append("--").append(eol).toString();
    }

    private static void part(StringBuilder b, String eol, String cid, byte[] pidf) {
        b.append("--").append(BOUNDARY).append(eol).append("Content-Transfer-Encoding: binary").append(eol)
                .append("Content-ID: <").append(cid).append('>').append(eol)
                .append("Content-Type: application/pidf+xml;charset=\"UTF-8\"").append(eol).append(eol)
                .append(new String(pidf, StandardCharsets.UTF_8).replace("\n", eol)).append(eol);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
