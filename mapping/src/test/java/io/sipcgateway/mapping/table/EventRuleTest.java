package io.sipcgateway.mapping.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sipcgateway.sipc.SipcVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventRuleTest {

    @ParameterizedTest
    @EnumSource(EventRule.class)
    void everyRowReadsBackAsItselfForItsVersionOrAsThatVersionsPackage(EventRule rule) {
        assertSame(rule, EventRule.forSipc(rule.sipc()).orElseThrow());
        for (SipcVersion version : new SipcVersion[] {SipcVersion.V2, SipcVersion.V4}) {
            EventRule back = EventRule.forSip(rule.sip(), version).orElseThrow();
            assertEquals(rule.sip(), back.sip());
            assertEquals(Optional.of(version), back.preferredFor());
        }
        rule.preferredFor().ifPresent(v -> assertSame(rule, EventRule.forSip(rule.sip(), v).orElseThrow()));
    }

    @Test
    void presenceComesBackInTheClientsOwnPackage() {
        assertSame(EventRule.PRESENCE, EventRule.forSip("presence", SipcVersion.V2).orElseThrow());
        assertSame(EventRule.PRESENCE_V4, EventRule.forSip("Presence;id=7", SipcVersion.V4).orElseThrow());
        assertSame(EventRule.PRESENCE_V4, EventRule.forSipc("presencev4").orElseThrow());
    }

    @Test
    void packagesWithoutSipAnalogueHaveNoRow() {
        assertEquals(Optional.empty(), EventRule.forSipc("SyncUserInfoV4"));
        assertEquals(Optional.empty(), EventRule.forSip("message-summary", SipcVersion.V4));
    }
}
