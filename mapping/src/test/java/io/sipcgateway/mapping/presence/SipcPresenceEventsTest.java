package io.sipcgateway.mapping.presence;

import static io.sipcgateway.mapping.presence.PresenceAssertions.everyPresence;
import static io.sipcgateway.mapping.presence.PresenceAssertions.ok;
import static io.sipcgateway.mapping.presence.PresenceAssertions.presence;
import static io.sipcgateway.mapping.presence.PresenceAssertions.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.TestInputs;
import io.sipcgateway.mapping.table.PresenceRule;
import io.sipcgateway.mapping.xml.SafeXml;
import io.sipcgateway.sipc.SipcBody;

class SipcPresenceEventsTest {

    @Test
    void readsV4OnlineContactFromSample10() {
        List<PresenceUpdate> updates = ok(SipcPresenceEvents.readV4(
                TestInputs.sampleBody("10-bn-v4-presencev4-online.txt")));
        assertEquals(List.of(new PresenceUpdate("229415466", presence(Basic.OPEN, Activity.NONE, null, "ice"))),
                updates);
    }

    @Test
    void readsV4PresenceWithoutPersonalPartFromSample11() {
        List<PresenceUpdate> updates = ok(SipcPresenceEvents.readV4(
                TestInputs.sampleBody("11-bn-v4-presencev4-offline.txt")));
        assertEquals(List.of(new PresenceUpdate("295098062", Presence.of(Basic.CLOSED, Activity.NONE))), updates);
    }

    @Test
    void readsV2PresenceChangedWithNicknameAndImpresaFromSample51() {
        List<PresenceUpdate> updates = ok(SipcPresenceEvents.readV2(
                TestInputs.sampleBody("51-v2-bn-presence-changed.txt")));
        assertEquals(List.of(new PresenceUpdate("sip:585195198@fetion.com.cn;p=5005",
                presence(Basic.OPEN, Activity.NONE, "今天天气不错", "小明"))), updates);
    }

    @Test
    void readsV2OfflineBuddyFromPrettyPrintedSample52() {
        List<PresenceUpdate> updates = ok(SipcPresenceEvents.readV2(
                TestInputs.sampleBody("52-v2-bn-presence-offline.txt")));
        assertEquals(List.of(new PresenceUpdate("sip:756444636@fetion.com.cn;p=1414",
                Presence.of(Basic.CLOSED, Activity.NONE))), updates);
    }

    @Test
    void readsV2BasicOnlyPresenceFromSeed003() {
        SipcBody body = SipcBody.of(TestInputs.bytes("seeds/003-bn-presence-body.txt"));
        assertEquals(List.of(new PresenceUpdate("sip:987654321@fetion.com.cn;p=xxxx",
                Presence.of(Basic.OPEN, Activity.AWAY))), ok(SipcPresenceEvents.readV2(body)));
    }

    @Test
    void readsV4BareContactsAndSkipsProfileOnlyContacts() {
        SipcBody body = SipcBody.ofUtf8("<contacts><c id=\"1\"><p n=\"a\" i=\"mood\"/></c>"
                + "<c id=\"2\"><p n=\"b\" i=\"x\"/><pr b=\"850\"/></c></contacts>");
        assertEquals(List.of(new PresenceUpdate("2", presence(Basic.OPEN, Activity.MEETING, "x", "b"))),
                ok(SipcPresenceEvents.readV4(body)));
    }

    @Test
    void ignoresSubscribeResultEventsAndPersonalOnlyV2Presence() {
        SipcBody body = SipcBody.ofUtf8("<events><event type=\"SubscribeResult\"><results><contacts>"
                + "<contact uri=\"sip:1@fetion.com.cn\" status-code=\"200\"/></contacts></results></event>"
                + "<event type=\"PresenceChanged\"><presence uri=\"sip:2@fetion.com.cn\"><personal impresa=\"x\" />"
                + "</presence><presence uri=\"sip:3@fetion.com.cn\"><basic value=\"300\" /></presence></event>"
                + "</events>");
        assertEquals(List.of(new PresenceUpdate("sip:3@fetion.com.cn",
                        Presence.of(Basic.OPEN, Activity.BE_RIGHT_BACK))),
                ok(SipcPresenceEvents.readV2(body)));
    }

    @Test
    void writesV4WithTheExactAttributeSetOfSample10() {
        Element sample = ok(SafeXml.parse(TestInputs.sampleBody("10-bn-v4-presencev4-online.txt").bytes()))
                .getRootElement();
        SipcBody written = SipcPresenceEvents.writeV4(List.of(new SipcPresenceEvents.V4Contact("229415466",
                "737769829", "sip:737769829@fetion.com.cn;p=4078", presence(Basic.OPEN, Activity.NONE, null, "ice"))));
        Element ours = ok(SafeXml.parse(written.bytes())).getRootElement();
        assertEquals(shape(sample), shape(ours));
        assertEquals("<events><event type=\"PresenceChanged\"><contacts><c id=\"229415466\">"
                + "<p v=\"0\" sid=\"737769829\" su=\"sip:737769829@fetion.com.cn;p=4078\" m=\"\" c=\"CMCC\" cs=\"0\""
                + " s=\"1\" l=\"0\" svc=\"\" n=\"ice\" i=\"\" p=\"0\" sms=\"0.0:0:0\" sp=\"0\" sh=\"0\"/>"
                + "<pr di=\"\" b=\"400\" d=\"\" dt=\"PC\" dc=\"137\"/>"
                + "</c></contacts></event></events>", written.utf8());
    }

    @Test
    void writesV2InTheShapeOfSample51() {
        SipcBody written = SipcPresenceEvents.writeV2(List.of(new PresenceUpdate("sip:585195198@fetion.com.cn;p=5005",
                presence(Basic.OPEN, Activity.ON_THE_PHONE, "今天天气不错", "小明"))));
        assertEquals("<events><event type=\"PresenceChanged\"><presence uri=\"sip:585195198@fetion.com.cn;p=5005\">"
                + "<basic value=\"500\" desc=\"\" device-type=\"PC\" "
                + "device-caps=\"simple-im,im-session,temp-group,personal-group\" />"
                + "<personal nickname=\"小明\" impresa=\"今天天气不错\" /></presence></event></events>", written.utf8());
        assertFalse(written.utf8().contains("\n"));
    }

    @Test
    void roundTripsEveryReceivablePresenceThroughV4AndV2() {
        List<PresenceUpdate> expected = new ArrayList<>();
        List<SipcPresenceEvents.V4Contact> contacts = new ArrayList<>();
        List<PresenceUpdate> v2 = new ArrayList<>();
        int id = 1;
        for (Presence p : everyPresence()) {
            Presence received = receivable(p);
            contacts.add(new SipcPresenceEvents.V4Contact(Integer.toString(id), "9" + id,
                    "sip:9" + id + "@fetion.com.cn", received));
            expected.add(new PresenceUpdate(Integer.toString(id), received));
            v2.add(new PresenceUpdate("sip:9" + id + "@fetion.com.cn", received));
            id++;
        }
        assertEquals(expected, ok(SipcPresenceEvents.readV4(SipcPresenceEvents.writeV4(contacts))));
        assertEquals(v2, ok(SipcPresenceEvents.readV2(SipcPresenceEvents.writeV2(v2))));
    }

    @Test
    void readsGroupMemberPresenceFromSample55() {
        List<SipcPresenceEvents.GroupMemberUpdate> updates = ok(SipcPresenceEvents.readPgGroup(
                TestInputs.sampleBody("55-v2-bn-pggroup.txt")));
        assertEquals(List.of(new SipcPresenceEvents.GroupMemberUpdate("sip:PG5709625@fetion.com.cn;p=1414",
                new PresenceUpdate("sip:756444636@fetion.com.cn;p=1414", Presence.of(Basic.OPEN, Activity.NONE)))),
                updates);
    }

    @Test
    void writesGroupMemberPresenceByteForByteAsSample55() {
        assertEquals(TestInputs.sampleBody("55-v2-bn-pggroup.txt"), SipcPresenceEvents.writePgGroup(
                "sip:PG5709625@fetion.com.cn;p=1414", List.of(new PresenceUpdate("sip:756444636@fetion.com.cn;p=1414",
                        presence(Basic.OPEN, Activity.NONE, "notes do not travel in PGGroup", null)))));
    }

    @Test
    void rejectsUnknownCodesAndMissingKeys() {
        rejected(Problem.UNSUPPORTED, readV4("<contacts><c id=\"1\"><pr b=\"899\"/></c></contacts>"));
        rejected(Problem.MISSING, readV4("<contacts><c><pr b=\"400\"/></c></contacts>"));
        rejected(Problem.MISSING, readV4("<contacts><c id=\"1\"><pr/></c></contacts>"));
        rejected(Problem.MISSING, SipcPresenceEvents.readV2(SipcBody.ofUtf8("<events><event type=\"PresenceChanged\">"
                + "<presence><basic value=\"400\"/></presence></event></events>")));
        rejected(Problem.UNSUPPORTED, SipcPresenceEvents.readV2(SipcBody.ofUtf8("<contacts/>")));
        rejected(Problem.MISSING, SipcPresenceEvents.readPgGroup(SipcBody.ofUtf8(
                "<events><event type=\"PresenceChanged\"><group uri=\"sip:PG1@fetion.com.cn\">"
                + "<member state=\"400\" /></group></event></events>")));
        rejected(Problem.MALFORMED, SipcPresenceEvents.readV2(SipcBody.ofUtf8("<events><event>")));
    }

    private static BodyResult<List<PresenceUpdate>> readV4(String body) {
        return SipcPresenceEvents.readV4(SipcBody.ofUtf8(body));
    }

    /** What a presence reads back as after a trip through a BN: the code's received meaning, note and name kept. */
    private static Presence receivable(Presence p) {
        PresenceRule rule = PresenceRule.forPresence(p);
        return p.withState(rule.basic(), rule.activity());
    }

    /** Element names with their attribute names, in document order: the "attribute set" of a body. */
    private static List<String> shape(Element root) {
        List<String> shape = new ArrayList<>();
        collect(root, shape);
        return shape;
    }

    private static void collect(Element e, List<String> shape) {
        StringBuilder s = new StringBuilder(e.getName());
        for (Attribute a : e.attributes()) {
            s.append(' ').append(a.getName());
        }
        shape.add(s.toString());
        for (Element child : e.elements()) {
            collect(child, shape);
        }
    }
}
