package io.sipcgateway.mapping.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.sipcgateway.mapping.presence.Activity;
import io.sipcgateway.mapping.presence.Basic;

class PresenceRuleTest {

    @ParameterizedTest
    @EnumSource(PresenceRule.class)
    void readsEveryRowBackFromItsCode(PresenceRule rule) {
        assertEquals(Optional.of(rule), PresenceRule.forCode(rule.code()));
    }

    @ParameterizedTest
    @EnumSource(PresenceRule.class)
    void writesEveryRowsStateAsAPreferredCodeThatReadsBackToTheSameState(PresenceRule rule) {
        PresenceRule written = PresenceRule.forPresence(rule.basic(), rule.activity());
        assertEquals(PresenceRule.Reverse.PREFERRED, written.reverse());
        assertEquals(rule.basic(), written.basic());
        assertEquals(rule.activity(), written.activity());
        if (rule.reverse() == PresenceRule.Reverse.PREFERRED) {
            assertEquals(rule, written);
        }
    }

    @Test
    void acceptsBoth150And500AndFollowsTheSipc2EraMeaning() {
        assertEquals(Activity.MEAL, PresenceRule.forCode(150).orElseThrow().activity());
        assertEquals(Activity.ON_THE_PHONE, PresenceRule.forCode(500).orElseThrow().activity());
        assertEquals(150, PresenceRule.forPresence(Basic.OPEN, Activity.MEAL).code());
        assertEquals(500, PresenceRule.forPresence(Basic.OPEN, Activity.ON_THE_PHONE).code());
    }

    @Test
    void readsRobot499AsOnlineButWritesOnlineAs400() {
        PresenceRule robot = PresenceRule.forCode(499).orElseThrow();
        assertEquals(Basic.OPEN, robot.basic());
        assertEquals(Activity.NONE, robot.activity());
        assertEquals(400, PresenceRule.forPresence(Basic.OPEN, Activity.NONE).code());
    }

    @ParameterizedTest
    @EnumSource(Activity.class)
    void writesEveryClosedPresenceAsZero(Activity activity) {
        assertEquals(0, PresenceRule.forPresence(Basic.CLOSED, activity).code());
    }

    @ParameterizedTest
    @EnumSource(value = Activity.class, names = "INVISIBLE", mode = EnumSource.Mode.EXCLUDE)
    void writesEveryOpenActivityAsItsOwnRow(Activity activity) {
        PresenceRule rule = PresenceRule.forPresence(Basic.OPEN, activity);
        assertNotNull(rule);
        assertEquals(activity, rule.activity());
        assertEquals(Basic.OPEN, rule.basic());
    }

    @Test
    void readsZeroAsClosedWithoutActivity() {
        PresenceRule zero = PresenceRule.forCode(0).orElseThrow();
        assertEquals(Basic.CLOSED, zero.basic());
        assertEquals(Activity.NONE, zero.activity());
    }

    @ParameterizedTest
    @ValueSource(ints = {899, 1, -1, 365, 401, 200, Integer.MAX_VALUE})
    void leavesCodesOutsideTheTableEmpty(int code) {
        assertTrue(PresenceRule.forCode(code).isEmpty());
    }

    @Test
    void hasOneRowPerCodeOfSection53() {
        assertEquals(10, PresenceRule.values().length);
        int[] codes = {400, 100, 300, 600, 800, 850, 150, 500, 499, 0};
        for (int code : codes) {
            assertTrue(PresenceRule.forCode(code).isPresent(), "code " + code);
        }
    }
}
