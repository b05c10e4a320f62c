package io.sipcgateway.mapping.presence;

import static io.sipcgateway.mapping.presence.PresenceAssertions.everyPresence;
import static io.sipcgateway.mapping.presence.PresenceAssertions.ok;
import static io.sipcgateway.mapping.presence.PresenceAssertions.presence;
import static io.sipcgateway.mapping.presence.PresenceAssertions.rejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.TestInputs;

class PidfTest {
    private static final String ENTITY = "sip:585195198@fetion.com.cn;p=5005";

    static Stream<Presence> everyPresenceValue() {
        return everyPresence().stream();
    }

    @ParameterizedTest
    @MethodSource("everyPresenceValue")
    void roundTripsEveryPresenceValue(Presence p) {
        PresenceUpdate read = ok(Pidf.read(Pidf.write(ENTITY, p)));
        assertEquals(ENTITY, read.identity());
        // INVISIBLE is written as plain closed on purpose (watchers must not tell hidden from offline).
        Presence expected = p.activity() == Activity.INVISIBLE ? p.withState(Basic.CLOSED, Activity.NONE) : p;
        assertEquals(expected, read.presence());
    }

    @Test
    void writesNamespaceCorrectPidfWithTupleAndPerson() {
        String xml = new String(Pidf.write(ENTITY, presence(Basic.OPEN, Activity.AWAY, "今天 & <明天>", "小明")),
                StandardCharsets.UTF_8);
        String id = Integer.toHexString(ENTITY.hashCode());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" xmlns:c=\"urn:ietf:params:xml:ns:pidf:cipid\""
                + " entity=\"sip:585195198@fetion.com.cn;p=5005\">"
                + "<tuple id=\"sipc-" + id + "\"><status><basic>open</basic></status><note>今天 &amp; &lt;明天&gt;</note>"
                + "</tuple><dm:person id=\"p-" + id + "\"><rpid:activities><rpid:away/></rpid:activities>"
                + "<c:display-name>小明</c:display-name></dm:person></presence>", xml);
    }

    @Test
    void writesOnlineWithoutActivityAsABareTuple() {
        String xml = new String(Pidf.write(ENTITY, Presence.of(Basic.OPEN, Activity.NONE)), StandardCharsets.UTF_8);
        assertTrue(xml.endsWith("<status><basic>open</basic></status></tuple></presence>"), xml);
        assertFalse(xml.contains("dm:person"), xml);
    }

    @Test
    void writesInvisibleAsPlainClosedWithoutActivity() {
        byte[] invisible = Pidf.write(ENTITY, presence(Basic.CLOSED, Activity.INVISIBLE, "mood", null));
        assertArrayEquals(Pidf.write(ENTITY, presence(Basic.CLOSED, Activity.NONE, "mood", null)), invisible);
        assertFalse(new String(invisible, StandardCharsets.UTF_8).contains("activities"));
    }

    @Test
    void writesBeRightBackAndDoNotDisturbAsStandardActivityPlusOtherToken() {
        String brb = written(Presence.of(Basic.OPEN, Activity.BE_RIGHT_BACK));
        assertTrue(brb.contains("<rpid:activities><rpid:away/><rpid:other>be-right-back</rpid:other>"), brb);
        String dnd = written(Presence.of(Basic.OPEN, Activity.DO_NOT_DISTURB));
        assertTrue(dnd.contains("<rpid:activities><rpid:busy/><rpid:other>do-not-disturb</rpid:other>"), dnd);
    }

    @Test
    void readsOtherTokenWithoutTheCompanionActivity() {
        String xml = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'><tuple id='t'><status><basic>open"
                + "</basic></status></tuple><person xmlns='urn:ietf:params:xml:ns:pidf:data-model' id='p'>"
                + "<activities xmlns='urn:ietf:params:xml:ns:pidf:rpid'><other> Do-Not-Disturb </other></activities>"
                + "</person></presence>";
        assertEquals(Activity.DO_NOT_DISTURB, read(xml).activity());
    }

    @Test
    void idsAreDeterministicPerEntity() {
        Presence p = Presence.of(Basic.OPEN, Activity.BUSY);
        assertArrayEquals(Pidf.write(ENTITY, p), Pidf.write(ENTITY, p));
        assertNotEquals(tupleId(Pidf.write(ENTITY, p)), tupleId(Pidf.write("sip:other@fetion.com.cn", p)));
    }

    @Test
    void readsCpimPidfClosedFromSeed001() {
        PresenceUpdate u = ok(Pidf.read(TestInputs.bytes("seeds/001-cpim-pidf-closed.xml")));
        assertEquals(new PresenceUpdate("sip:poisson@probability.org", Presence.of(Basic.CLOSED, Activity.NONE)), u);
    }

    @Test
    void readsCpimPidfOpenFromSeed001() {
        PresenceUpdate u = ok(Pidf.read(TestInputs.bytes("seeds/001-cpim-pidf-open.xml")));
        assertEquals(new PresenceUpdate("sip:poisson@probability.org", Presence.of(Basic.OPEN, Activity.NONE)), u);
    }

    @Test
    void readsNamespacesByUriNotByPrefix() {
        String xml = "<p:presence xmlns:p='urn:ietf:params:xml:ns:pidf' xmlns:r='urn:ietf:params:xml:ns:pidf:rpid'"
                + " xmlns:d='urn:ietf:params:xml:ns:pidf:data-model' entity='sip:a@b'><p:tuple id='t'><p:status>"
                + "<p:basic>open</p:basic></p:status><p:note>busy day</p:note></p:tuple><d:person id='x'>"
                + "<r:activities><r:meeting/></r:activities></d:person></p:presence>";
        assertEquals(presence(Basic.OPEN, Activity.MEETING, "busy day", null), read(xml));
        String wrongNamespace = "<presence xmlns='urn:ietf:params:xml:ns:pidf' xmlns:rpid='urn:example:not-rpid'"
                + " entity='sip:a@b'><tuple id='t'><status><basic>open</basic></status>"
                + "<rpid:activities><rpid:away/></rpid:activities></tuple></presence>";
        assertEquals(Activity.NONE, read(wrongNamespace).activity());
    }

    @Test
    void readsActivitiesInsideTheTuple() {
        String xml = "<presence xmlns='urn:ietf:params:xml:ns:pidf' xmlns:rpid='urn:ietf:params:xml:ns:pidf:rpid'"
                + " entity='sip:a@b'><tuple id='t'><status><basic>open</basic>"
                + "<rpid:activities><rpid:on-the-phone/></rpid:activities></status></tuple></presence>";
        assertEquals(Activity.ON_THE_PHONE, read(xml).activity());
    }

    @Test
    void readsNoteFromPersonThenPresenceWhenTheTupleHasNone() {
        String person = "<presence xmlns='urn:ietf:params:xml:ns:pidf'"
                + " xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model' entity='sip:a@b'><tuple id='t'><status>"
                + "<basic>open</basic></status></tuple>"
                + "<dm:person id='p'><dm:note>from person</dm:note></dm:person><note>from presence</note></presence>";
        assertEquals("from person", read(person).note().orElseThrow());
        String top = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'><tuple id='t'><status>"
                + "<basic>open</basic></status></tuple><note>from presence</note></presence>";
        assertEquals("from presence", read(top).note().orElseThrow());
    }

    @Test
    void anyOpenTupleMakesThePresentityOpenAndItsNoteWins() {
        String xml = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'>"
                + "<tuple id='phone'><status><basic>closed</basic></status><note>phone off</note></tuple>"
                + "<tuple id='pc'><status><basic>open</basic></status><note>at my desk</note></tuple></presence>";
        assertEquals(presence(Basic.OPEN, Activity.NONE, "at my desk", null), read(xml));
    }

    @Test
    void readsMissingBasicAsClosed() {
        String xml = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'><tuple id='t'><status/>"
                + "</tuple></presence>";
        assertEquals(Presence.of(Basic.CLOSED, Activity.NONE), read(xml));
        assertEquals(Basic.CLOSED, read("<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'/>").basic());
    }

    @Test
    void readsRpidSynonymsAsTheNearestActivity() {
        assertEquals(Activity.MEAL, read(withActivity("<rpid:dinner/>")).activity());
        assertEquals(Activity.MEETING, read(withActivity("<rpid:appointment/>")).activity());
        assertEquals(Activity.AWAY, read(withActivity("<rpid:vacation/>")).activity());
        assertEquals(Activity.NONE, read(withActivity("<rpid:unknown/>")).activity());
        assertEquals(Activity.BUSY, read(withActivity("<rpid:away/><rpid:busy/>")).activity());
    }

    @Test
    void rejectsForeignDocumentsAndMissingEntity() {
        rejected(Problem.UNSUPPORTED, Pidf.read(bytes("<presence xmlns='urn:example:other' entity='sip:a@b'/>")));
        rejected(Problem.UNSUPPORTED, Pidf.read(bytes("<list xmlns='urn:ietf:params:xml:ns:pidf'/>")));
        rejected(Problem.MISSING, Pidf.read(bytes("<presence xmlns='urn:ietf:params:xml:ns:pidf'/>")));
        rejected(Problem.MALFORMED, Pidf.read(bytes("<presence xmlns='urn:ietf:params:xml:ns:pidf'")));
        rejected(Problem.MALFORMED, Pidf.read(bytes("<!DOCTYPE presence [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='&x;'/>")));
    }

    @Test
    void recognisesBothPidfContentTypes() {
        assertTrue(Pidf.isPidf("application/pidf+xml"));
        assertTrue(Pidf.isPidf("Application/CPIM-PIDF+XML; charset=UTF-8"));
        assertFalse(Pidf.isPidf("application/xpidf+xml"));
    }

    private static String withActivity(String activities) {
        return "<presence xmlns='urn:ietf:params:xml:ns:pidf' xmlns:rpid='urn:ietf:params:xml:ns:pidf:rpid'"
                + " xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model' entity='sip:a@b'><tuple id='t'><status>"
                + "<basic>open</basic></status></tuple><dm:person id='p'><rpid:activities>" + activities
                + "</rpid:activities></dm:person></presence>";
    }

    private static Presence read(String xml) {
        return ok(Pidf.read(bytes(xml))).presence();
    }

    private static String written(Presence p) {
        return new String(Pidf.write(ENTITY, p), StandardCharsets.UTF_8);
    }

    private static String tupleId(byte[] pidf) {
        String xml = new String(pidf, StandardCharsets.UTF_8);
        int at = xml.indexOf("<tuple id=\"") + "<tuple id=\"".length();
        return xml.substring(at, xml.indexOf('"', at));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
