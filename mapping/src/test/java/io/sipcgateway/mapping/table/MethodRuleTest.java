package io.sipcgateway.mapping.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.sipc.SipcMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MethodRuleTest {

    @ParameterizedTest
    @EnumSource(MethodRule.class)
    void everyRowReadsBackThroughItsPreferredReverse(MethodRule rule) {
        Optional<String> operation = rule.operations().stream().findFirst();
        assertSame(rule, MethodRule.forSipc(rule.sipc(), operation).orElseThrow());
        MethodRule back = MethodRule.forSip(rule.sip()).orElseThrow();
        assertEquals(rule.sip(), back.sip());
        assertTrue(back.preferredReverse());
        assertEquals(rule.preferredReverse(), back == rule, "only the preferred row comes back as itself");
    }

    @Test
    void notifyComesBackAsBenotify() {
        assertSame(MethodRule.BENOTIFY, MethodRule.forSip("NOTIFY").orElseThrow());
        assertSame(MethodRule.NOTIFY, MethodRule.forSipc(SipcMethod.N, Optional.empty()).orElseThrow());
    }

    @Test
    void serviceIsPublishOnlyForThePresenceOperations() {
        assertSame(MethodRule.PUBLISH, MethodRule.forSipc(SipcMethod.S, Optional.of("SetPresenceV4")).orElseThrow());
        assertSame(MethodRule.PUBLISH, MethodRule.forSipc(SipcMethod.S, Optional.of("PGSetPresence")).orElseThrow());
        assertEquals(Optional.empty(), MethodRule.forSipc(SipcMethod.S, Optional.of("GetContactInfoV4")));
        assertEquals(Optional.empty(), MethodRule.forSipc(SipcMethod.S, Optional.empty()));
    }

    @Test
    void unknownMethodsHaveNoRow() {
        assertEquals(Optional.empty(), MethodRule.forSipc(SipcMethod.of("NEG"), Optional.empty()));
        assertEquals(Optional.empty(), MethodRule.forSip("PRACK"));
    }
}
