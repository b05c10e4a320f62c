package io.sipcgateway.mapping.presence;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.table.PresenceRule;

/** Reads a SIP-C presence code attribute through {@link PresenceRule}, with the rejection the readers share. */
final class SipcPresenceCode {
    private SipcPresenceCode() {
    }

    /**
     * The rule for {@code value}. Absent is MISSING, not an integer is MALFORMED, and a code outside the table is
     * UNSUPPORTED (see {@link PresenceRule} for why unknown codes are not read as online).
     */
    static BodyResult<PresenceRule> read(String value, String where) {
        if (value == null) {
            return BodyResult.rejected(Problem.MISSING, where + " has no presence code");
        }
        int code;
        try {
            code = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return BodyResult.rejected(Problem.MALFORMED, where + " presence code '" + value + "' is not a number");
        }
        return PresenceRule.forCode(code)
                .<BodyResult<PresenceRule>>map(BodyResult::ok)
                .orElseGet(() -> BodyResult.rejected(Problem.UNSUPPORTED, where + " presence code " + code
                        + " is not in PresenceRule (sipc-protocol 5.3)"));
    }

    /** The code written for {@code presence}: the preferred row, so always one of the table's codes. */
    static String write(Presence presence) {
        return Integer.toString(PresenceRule.forPresence(presence).code());
    }
}
