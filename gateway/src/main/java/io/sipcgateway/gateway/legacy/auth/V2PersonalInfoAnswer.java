package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Account;

/**
 * The body of the {@code 200 OK} to v2 {@code S N: GetPersonalInfo} (section 4.2; QFetion capture
 * {@code 139-login}): {@code <results><personal .../><services version/><config version .../><mobile-device/>
 * </results>}. Profile fields the directory does not hold are empty or 0, as in the capture's unset fields.
 */
public final class V2PersonalInfoAnswer {
    private V2PersonalInfoAnswer() {
    }

    public static String body(Account account) {
        return new XmlWriter().start("results")
                .start("personal")
                .attr("version", ContactVersions.personal(account))
                .attr("mobile-no", account.mobile().orElse(""))
                .attr("nickname", account.nickname())
                .attr("impresa", account.impresa())
                .attr("name", "")
                .attr("gender", 0)
                .attr("birth-date", "")
                .attr("birthday-valid", 0)
                .attr("nation", "CN")
                .attr("province", "")
                .attr("city", "")
                .attr("profile", "")
                .attr("portrait-crc", 0)
                .attr("personal-email", "")
                .attr("ivr-enabled", 0)
                .attr("match-enabled", 0)
                .end()
                .start("services").attr("version", 0).end()
                .start("config").attr("version", 0).attr("save-message", 0).attr("experience", 0)
                .attr("save-mms", 0).end()
                .empty("mobile-device")
                .end().toXml();
    }
}
