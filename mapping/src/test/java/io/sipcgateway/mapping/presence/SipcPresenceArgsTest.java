package io.sipcgateway.mapping.presence;

import static io.sipcgateway.mapping.presence.PresenceAssertions.ok;
import static io.sipcgateway.mapping.presence.PresenceAssertions.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.TestInputs;
import io.sipcgateway.mapping.table.PresenceRule;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcVersion;

class SipcPresenceArgsTest {

    @Test
    void readsSetPresenceV4FromSample12() {
        Presence p = ok(SipcPresenceArgs.readSetPresence(TestInputs.sampleBody("12-service-v4-setpresencev4.txt")));
        assertEquals(Presence.of(Basic.OPEN, Activity.AWAY), p);
    }

    @Test
    void readsTheServersSetPresenceEchoFromSample13() {
        SipcBody echo = TestInputs.sampleBody("13-service-v4-setpresencev4-200.txt");
        assertEquals(Presence.of(Basic.OPEN, Activity.AWAY), ok(SipcPresenceArgs.readSetPresence(echo)));
    }

    @Test
    void readsPgSetPresenceAndItsGroupUriFromSample53() {
        SipcBody args = TestInputs.sampleBody("53-v2-service-pgsetpresence.txt");
        assertEquals(Presence.of(Basic.OPEN, Activity.NONE), ok(SipcPresenceArgs.readSetPresence(args)));
        assertEquals(List.of(new SipcPresenceArgs.GroupPresence("sip:PG5709625@fetion.com.cn;p=1414",
                Presence.of(Basic.OPEN, Activity.NONE))), ok(SipcPresenceArgs.readPgSetPresence(args)));
        SipcBody echo = TestInputs.sampleBody("54-v2-service-pgsetpresence-200.txt");
        assertEquals("sip:PG5709625@fetion.com.cn;p=1414",
                ok(SipcPresenceArgs.readPgSetPresence(echo)).get(0).groupUri());
    }

    @Test
    void readsZeroSentByTheUserAsInvisible() {
        SipcBody hide = SipcBody.ofUtf8("<args><presence><basic value=\"0\" /></presence></args>");
        assertEquals(Presence.of(Basic.CLOSED, Activity.INVISIBLE), ok(SipcPresenceArgs.readSetPresence(hide)));
    }

    @Test
    void readsBoth150And500() {
        assertEquals(Activity.MEAL, ok(SipcPresenceArgs.readSetPresence(v2(150))).activity());
        assertEquals(Activity.ON_THE_PHONE, ok(SipcPresenceArgs.readSetPresence(v2(500))).activity());
    }

    @Test
    void writesV4SetPresenceInTheShapeOfSample12() {
        String sample = TestInputs.sampleBody("12-service-v4-setpresencev4.txt").utf8().strip();
        assertEquals(sample, SipcPresenceArgs.writeSetPresence(Presence.of(Basic.OPEN, Activity.AWAY),
                SipcVersion.V4).utf8());
    }

    @Test
    void writesV2SetPresenceInTheShapeOfTheOfficialClient() {
        assertEquals("<args><presence><basic value=\"400\" /></presence></args>",
                SipcPresenceArgs.writeSetPresence(Presence.of(Basic.OPEN, Activity.NONE), SipcVersion.V2).utf8());
    }

    @Test
    void writesPgSetPresenceByteForByteAsSample53() {
        SipcBody sample = TestInputs.sampleBody("53-v2-service-pgsetpresence.txt");
        assertEquals(sample, SipcPresenceArgs.writePgSetPresence("sip:PG5709625@fetion.com.cn;p=1414",
                Presence.of(Basic.OPEN, Activity.NONE), SipcVersion.V2));
    }

    static Stream<Presence> settablePresences() {
        return Stream.concat(
                Stream.of(PresenceRule.values()).filter(r -> r.basic() == Basic.OPEN).map(PresenceRule::presence),
                Stream.of(Presence.of(Basic.CLOSED, Activity.INVISIBLE)));
    }

    @ParameterizedTest
    @MethodSource("settablePresences")
    void roundTripsEveryPresenceAUserCanSetInBothVersions(Presence presence) {
        for (SipcVersion version : List.of(SipcVersion.V2, SipcVersion.V4)) {
            SipcBody written = SipcPresenceArgs.writeSetPresence(presence, version);
            assertEquals(presence, ok(SipcPresenceArgs.readSetPresence(written)), version + " " + written);
            SipcBody group = SipcPresenceArgs.writePgSetPresence("sip:PG1@fetion.com.cn", presence, version);
            assertEquals(presence, ok(SipcPresenceArgs.readSetPresence(group)), version + " " + group);
        }
    }

    @Test
    void writesOnlyTheCodeBecauseSetPresenceCarriesNoImpresa() {
        Presence withNote = PresenceAssertions.presence(Basic.OPEN, Activity.BUSY, "在开会", "小明");
        assertEquals("<args><presence><basic value=\"600\"/></presence></args>",
                SipcPresenceArgs.writeSetPresence(withNote, SipcVersion.V4).utf8());
    }

    @Test
    void readsImpresaFromSetUserInfoV4AndMergesItIntoPresence() {
        SipcBody args = SipcBody.ofUtf8("<args><userinfo><personal impresa=\"今天天气不错\" version=\"12\"/>"
                + "<custom-config type=\"PC\" version=\"3\"/></userinfo></args>");
        SipcPresenceArgs.PersonalInfo info = ok(SipcPresenceArgs.readPersonalInfo(args));
        assertEquals(Optional.of("今天天气不错"), info.impresa());
        assertEquals(Optional.empty(), info.nickname());
        assertEquals(PresenceAssertions.presence(Basic.OPEN, Activity.AWAY, "今天天气不错", null),
                info.applyTo(Presence.of(Basic.OPEN, Activity.AWAY)));
    }

    @Test
    void readsImpresaAndNicknameFromV2SetPersonalInfo() {
        SipcBody args = SipcBody.ofUtf8("<args><personal impresa=\"a &amp; b\" nickname=\"小明\" /></args>");
        SipcPresenceArgs.PersonalInfo info = ok(SipcPresenceArgs.readPersonalInfo(args));
        assertEquals(Optional.of("a & b"), info.impresa());
        assertEquals(Optional.of("小明"), info.nickname());
    }

    @Test
    void tellsAClearedImpresaFromAnAbsentOne() {
        SipcBody cleared = SipcBody.ofUtf8("<args><userinfo><personal impresa=\"\" version=\"1\"/></userinfo></args>");
        SipcBody sms = SipcBody.ofUtf8(
                "<args><userinfo><personal sms-online-status=\"1.00:00:00\"/></userinfo></args>");
        Presence moody = PresenceAssertions.presence(Basic.OPEN, Activity.NONE, "old mood", null);
        assertEquals(Presence.of(Basic.OPEN, Activity.NONE),
                ok(SipcPresenceArgs.readPersonalInfo(cleared)).applyTo(moody));
        assertEquals(moody, ok(SipcPresenceArgs.readPersonalInfo(sms)).applyTo(moody));
    }

    @Test
    void rejectsUnknownCodeAsUnsupportedNamingTheCode() {
        var r = rejected(Problem.UNSUPPORTED, SipcPresenceArgs.readSetPresence(v2(899)));
        assertTrue(r.detail().contains("899"), r.detail());
    }

    @Test
    void rejectsBadArgsPrecisely() {
        rejected(Problem.MALFORMED, SipcPresenceArgs.readSetPresence(
                SipcBody.ofUtf8("<args><presence><basic value=\"online\"/></presence></args>")));
        rejected(Problem.MISSING, SipcPresenceArgs.readSetPresence(
                SipcBody.ofUtf8("<args><presence><basic/></presence></args>")));
        rejected(Problem.MISSING, SipcPresenceArgs.readSetPresence(SipcBody.ofUtf8("<args><presence/></args>")));
        rejected(Problem.MISSING, SipcPresenceArgs.readSetPresence(SipcBody.ofUtf8("<args/>")));
        rejected(Problem.MISSING, SipcPresenceArgs.readPgSetPresence(SipcBody.ofUtf8(
                "<args><groups><group><presence><basic value=\"400\"/></presence></group></groups></args>")));
        rejected(Problem.UNSUPPORTED, SipcPresenceArgs.readSetPresence(SipcBody.ofUtf8("<presence/>")));
        rejected(Problem.MALFORMED, SipcPresenceArgs.readSetPresence(SipcBody.ofUtf8("<args><presence>")));
        rejected(Problem.MISSING, SipcPresenceArgs.readSetPresence(SipcBody.EMPTY));
        rejected(Problem.MISSING, SipcPresenceArgs.readPersonalInfo(SipcBody.ofUtf8("<args><userinfo/></args>")));
    }

    private static SipcBody v2(int code) {
        return SipcBody.ofUtf8("<args><presence><basic value=\"" + code + "\" /></presence></args>");
    }
}
