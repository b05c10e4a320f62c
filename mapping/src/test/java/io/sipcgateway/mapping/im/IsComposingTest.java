package io.sipcgateway.mapping.im;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.TestInputs;
import io.sipcgateway.sipc.SipcBody;

class IsComposingTest {

    @Test
    void readsTheNudgeOfSample35() {
        assertEquals(BodyResult.ok("nudge"), IsComposing.readSipc(TestInputs.sampleBody("35-info-v4-nudge.txt")));
    }

    @Test
    void writesSipcLikeSample35WithoutItsNewlines() {
        assertEquals(TestInputs.sampleBody("35-info-v4-nudge.txt").utf8().strip(),
                IsComposing.writeSipc("nudge").utf8());
    }

    @Test
    void mapsInputToActiveAndBack() {
        IsComposing.CoreBody core = IsComposing.toCore("input");
        assertEquals(IsComposing.CONTENT_TYPE, core.contentType());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\"><state>active</state>"
                + "<contenttype>text/plain</contenttype><refresh>60</refresh></isComposing>",
                new String(core.body(), StandardCharsets.UTF_8));
        assertEquals(BodyResult.ok("input"), IsComposing.fromCore(core.contentType(), core.body()));
    }

    @Test
    void mapsKeepAliveToIdleAndBack() {
        IsComposing.CoreBody core = IsComposing.toCore("keep-alive");
        assertEquals(new IsComposing.Rfc3994("idle", Optional.of("text/plain"), OptionalInt.empty()),
                ok(IsComposing.readRfc3994(core.body())));
        assertEquals(BodyResult.ok("keep-alive"), IsComposing.fromCore(core.contentType(), core.body()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nudge", "fetion-show:0x00000001", "something-new"})
    void carriesStatesWithoutAStandardEquivalentAsTheVendorTypeLosingNothing(String state) {
        assertEquals(Optional.empty(), IsComposing.toRfc3994(state));
        IsComposing.CoreBody core = IsComposing.toCore(state);
        assertEquals(IsComposing.VENDOR_CONTENT_TYPE, core.contentType());
        assertEquals(IsComposing.writeSipc(state), SipcBody.of(core.body()));
        assertEquals(BodyResult.ok(state), IsComposing.fromCore(core.contentType() + "; charset=UTF-8", core.body()));
    }

    @Test
    void readsTheRfc3994ExampleWithLastActive() {
        String rfc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\"\n"
                + "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "  <state>active</state>\n  <contenttype>text/plain</contenttype>\n  <refresh>90</refresh>\n"
                + "  <lastactive>2003-01-27T10:43:00Z</lastactive>\n</isComposing>\n";
        assertEquals(new IsComposing.Rfc3994("active", Optional.of("text/plain"), OptionalInt.of(90)),
                ok(IsComposing.readRfc3994(rfc.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void roundTripsRfc3994Documents() {
        IsComposing.Rfc3994 idle = new IsComposing.Rfc3994("idle", Optional.empty(), OptionalInt.empty());
        assertEquals(idle, ok(IsComposing.readRfc3994(IsComposing.writeRfc3994(idle))));
        IsComposing.Rfc3994 active = new IsComposing.Rfc3994("active", Optional.of("text/html"), OptionalInt.of(120));
        assertEquals(active, ok(IsComposing.readRfc3994(IsComposing.writeRfc3994(active))));
    }

    @Test
    void rejectsBadOrForeignBodies() {
        String ns = "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\">";
        assertEquals(Problem.MISSING, problem(IsComposing.readRfc3994(bytes(ns + "</isComposing>"))));
        assertEquals(Problem.MALFORMED, problem(IsComposing.readRfc3994(bytes(ns
                + "<state>active</state><refresh>soon</refresh></isComposing>"))));
        assertEquals(Problem.UNSUPPORTED, problem(IsComposing.readRfc3994(bytes("<isComposing><state>active</state>"
                + "</isComposing>"))));
        assertEquals(Problem.UNSUPPORTED, problem(IsComposing.fromCore(IsComposing.CONTENT_TYPE,
                bytes(ns + "<state>paused</state></isComposing>"))));
        assertEquals(Problem.UNSUPPORTED, problem(IsComposing.fromCore("text/plain", bytes("hi"))));
        assertEquals(Problem.MISSING, problem(IsComposing.readSipc(SipcBody.ofUtf8("<is-composing><state> </state>"
                + "</is-composing>"))));
        assertEquals(Problem.UNSUPPORTED, problem(IsComposing.readSipc(SipcBody.ofUtf8("<args/>"))));
    }

    private static <T> T ok(BodyResult<T> result) {
        BodyResult.Ok<?> ok = assertInstanceOf(BodyResult.Ok.class, result, result::toString);
        @SuppressWarnings("unchecked")
        T value = (T) ok.value();
        return value;
    }

    private static Problem problem(BodyResult<?> result) {
        return assertInstanceOf(BodyResult.Rejected.class, result, result::toString).problem();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
