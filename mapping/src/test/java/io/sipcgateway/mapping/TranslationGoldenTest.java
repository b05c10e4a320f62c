package io.sipcgateway.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPMessage;
import io.sipcgateway.fixtures.TranslationCase;
import io.sipcgateway.fixtures.TranslationCases;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives every golden case (STYLE 5.6, 5.7): {@code toCore(legacy.sipc)} against {@code core.sip} after parsing with
 * jain-sip, {@code toLegacy(core.sip)} against {@code legacy.sipc} as decoded SIP-C values, and for
 * {@code direction=both} the round trip legacy → core → legacy back to the original less its {@code lossy} fields.
 */
class TranslationGoldenTest {

    static List<TranslationCase> cases() {
        return TranslationCases.cases().toList();
    }

    static List<TranslationCase> toCoreCases() {
        return TranslationCases.cases().filter(c -> c.direction() != TranslationCase.Direction.TO_LEGACY).toList();
    }

    static List<TranslationCase> toLegacyCases() {
        return TranslationCases.cases().filter(c -> c.direction() != TranslationCase.Direction.TO_CORE).toList();
    }

    /** {@code both} cases and cases that declare {@code lossy}, when they expect a translation. */
    static List<TranslationCase> roundTripCases() {
        return TranslationCases.cases().filter(c -> c.expect().equals("translation"))
                .filter(c -> c.direction() == TranslationCase.Direction.BOTH || c.properties().containsKey("lossy"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toCoreCases")
    void legacyTranslatesToCore(TranslationCase c) {
        Translation t = toCore(c);
        switch (c.expect()) {
            case "translation" -> {
                List<SIPMessage> expected = SipTexts.parseAll(c.coreBytes());
                List<SIPMessage> actual;
                if (t instanceof Translation.ToCore core) {
                    actual = core.requests().stream().map(SipTexts::reparse).toList();
                } else if (t instanceof Translation.ResponseToCore response) {
                    actual = List.of(SipTexts.reparse(response.response()));
                } else {
                    throw new AssertionError("expected a core message, got " + t);
                }
                assertEquals(expected.size(), actual.size(), "number of core messages: " + t);
                for (int i = 0; i < expected.size(); i++) {
                    SipTexts.assertSameMessage(expected.get(i), actual.get(i), c + " message " + (i + 1));
                }
            }
            case "reply-to-legacy" -> {
                Translation.ReplyToLegacy reply = assertInstanceOf(Translation.ReplyToLegacy.class, t);
                SipcMessage expected = SipcTexts.decodeAll(c.reply().orElseThrow()).get(0);
                assertEquals(expected, SipcTexts.redecode(reply.response()), reply.detail());
            }
            case "reply-to-core" -> assertReplyToCore(c, t);
            case "absorbed" -> assertInstanceOf(Translation.Absorbed.class, t);
            default -> throw new AssertionError("unknown expect= " + c.expect());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toLegacyCases")
    void coreTranslatesToLegacy(TranslationCase c) {
        Translation t = toLegacy(c);
        switch (c.expect()) {
            case "translation" -> {
                Translation.ToLegacy legacy = assertInstanceOf(Translation.ToLegacy.class, t);
                List<SipcMessage> expected = SipcTexts.decodeAll(c.legacyBytes());
                assertEquals(expected, legacy.messages().stream().map(SipcTexts::redecode).toList());
            }
            case "reply-to-core" -> assertReplyToCore(c, t);
            case "absorbed" -> assertInstanceOf(Translation.Absorbed.class, t);
            default -> throw new AssertionError("expect=" + c.expect() + " makes no sense toward legacy");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTripCases")
    void legacyRoundTripsThroughCore(TranslationCase c) {
        SipcMessage original = SipcTexts.decodeAll(c.legacyBytes()).get(0);
        Translation there = toCore(c);
        Translation back;
        if (there instanceof Translation.ToCore core) {
            assertEquals(1, core.requests().size(), "a fan-out has no single way back; declare no round trip");
            CoreContext ctx = CaseContexts.core(c).withCorrelation(core.correlation());
            back = CoreToLegacy.toLegacy((Request) SipTexts.reparse(core.requests().get(0)), ctx);
        } else {
            Translation.ResponseToCore response = assertInstanceOf(Translation.ResponseToCore.class, there);
            SipcRequest request = (SipcRequest) SipcTexts.decodeAll(
                    TranslationCases.named(c.require("request")).legacyBytes()).get(0);
            back = CoreToLegacy.toLegacy((Response) SipTexts.reparse(response.response()), request,
                    CaseContexts.core(c));
        }
        Translation.ToLegacy legacy = assertInstanceOf(Translation.ToLegacy.class, back);
        assertEquals(1, legacy.messages().size());
        assertEquals(SipcTexts.normalise(original, c.lossy()),
                SipcTexts.normalise(SipcTexts.redecode(legacy.messages().get(0)), c.lossy()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseFilesMatchTheirDeclaration(TranslationCase c) {
        boolean needsCore = c.expect().equals("translation") || c.direction() != TranslationCase.Direction.TO_CORE;
        boolean needsLegacy = c.expect().equals("translation") || c.direction() != TranslationCase.Direction.TO_LEGACY;
        assertTrue(!needsCore || c.core().isPresent(), c + " needs core.sip");
        assertTrue(!needsLegacy || c.legacy().isPresent(), c + " needs legacy.sipc");
        assertTrue(!c.expect().equals("reply-to-legacy") || c.reply().isPresent(), c + " needs reply.sipc");
    }

    private static Translation toCore(TranslationCase c) {
        SipcMessage legacy = SipcTexts.decodeAll(c.legacyBytes()).get(0);
        LegacyContext ctx = CaseContexts.legacy(c);
        if (legacy instanceof SipcResponse response) {
            Request original = (Request) SipTexts.parseAll(TranslationCases.named(c.require("request")).coreBytes())
                    .get(0);
            return LegacyToCore.toCore(response, original, ctx);
        }
        return LegacyToCore.toCore((SipcRequest) legacy, ctx);
    }

    private static Translation toLegacy(TranslationCase c) {
        SIPMessage core = SipTexts.parseAll(c.coreBytes()).get(0);
        CoreContext ctx = CaseContexts.core(c);
        if (core instanceof Response response) {
            SipcRequest original = (SipcRequest) SipcTexts.decodeAll(
                    TranslationCases.named(c.require("request")).legacyBytes()).get(0);
            return CoreToLegacy.toLegacy(response, original, ctx);
        }
        return CoreToLegacy.toLegacy((Request) core, ctx);
    }

    private static void assertReplyToCore(TranslationCase c, Translation t) {
        Translation.ReplyToCore reply = assertInstanceOf(Translation.ReplyToCore.class, t);
        assertEquals(Integer.parseInt(c.require("reply").split(" ")[0]), reply.status(), reply.reason());
    }
}
