package io.sipcgateway.mapping.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatusRuleTest {

    @ParameterizedTest
    @EnumSource(StatusRule.class)
    void everyRowIsReadFromItsPreferredSide(StatusRule rule) {
        if (rule.preferredTowardSip()) {
            assertSame(rule, StatusRule.forSipc(rule.sipcCode()));
        }
        if (rule.preferredTowardSipc()) {
            assertSame(rule, StatusRule.forSip(rule.sipCode()));
        }
    }

    @ParameterizedTest
    @EnumSource(StatusRule.class)
    void everyCodeRoundTripsToItselfOrToItsSharedCodesPreferredRow(StatusRule rule) {
        StatusRule viaSip = StatusRule.forSip(StatusRule.sipCodeFor(rule.sipcCode()));
        StatusRule viaSipc = StatusRule.forSipc(StatusRule.sipcCodeFor(rule.sipCode()));
        if (rule.preferredTowardSip() && rule.preferredTowardSipc()) {
            assertEquals(rule.sipcCode(), viaSip.sipcCode(), "SIP-C " + rule.sipcCode() + " comes back");
            assertEquals(rule.sipCode(), viaSipc.sipCode(), "SIP " + rule.sipCode() + " comes back");
        }
        assertTrue(viaSip.preferredTowardSipc() && viaSipc.preferredTowardSip(), rule + " lands on preferred rows");
        assertEquals(StatusRule.sipCodeFor(rule.sipcCode()), viaSip.sipCode());
    }

    @Test
    void smsOkIsTwoHundredTowardSipAndNeverChosenFromSip() {
        assertEquals(200, StatusRule.sipCodeFor(280));
        assertSame(StatusRule.OK, StatusRule.forSip(200));
    }

    @Test
    void foldsSipOnlyCodesIntoLegacyOnes() {
        assertEquals(200, StatusRule.sipcCodeFor(202));
        assertEquals(400, StatusRule.sipcCodeFor(415));
        assertEquals(406, StatusRule.sipcCodeFor(488));
        assertEquals(486, StatusRule.sipcCodeFor(600));
        assertEquals(403, StatusRule.sipCodeFor(521));
        assertEquals(404, StatusRule.sipCodeFor(522));
    }

    @Test
    void mapsCodesOutsideTheTableByClass() {
        assertEquals(480, StatusRule.sipcCodeFor(302));
        assertEquals(400, StatusRule.sipcCodeFor(423));
        assertEquals(500, StatusRule.sipcCodeFor(580));
        assertEquals(486, StatusRule.sipcCodeFor(603));
        assertEquals(400, StatusRule.sipCodeFor(444));
    }

    @Test
    void v4ClientsGetTheMisspeltUnauthorized() {
        assertEquals(SipcStatus.UNAUTHORIED_V4, StatusRule.UNAUTHORIZED.sipcStatus(SipcVersion.V4));
        assertEquals(SipcStatus.UNAUTHORIZED, StatusRule.UNAUTHORIZED.sipcStatus(SipcVersion.V2));
    }
}
