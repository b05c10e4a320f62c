package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.BuddyList;
import io.sipcgateway.gateway.accounts.FetionUri;

/**
 * The body of the v4 login {@code 200 OK} (section 7.2 step 5, sample 06), in the shape libofetion's
 * {@code parse_sipc_auth_response()} needs (section 7.4): {@code results} starts with {@code client} (with
 * {@code public-ip}, {@code last-login-ip}, {@code last-login-time}), then {@code user-info}, whose first child is
 * {@code personal}; then {@code custom-config} and {@code contact-list}, each with {@code version}, and
 * {@code credentials}. Profile fields the directory does not hold get the neutral values of sample 06.
 *
 * <p>libofetion reads this answer into a 20 KB buffer ({@code fetion_sip_get_response()}, section 1.2): about 150
 * buddies fit.
 */
public final class V4LoginAnswer {
    /** Three dot-separated parts, each short enough for libofetion's {@code char[6]} (section 7.4). */
    static final String CARRIER_REGION = "CN.bj.10.";

    private V4LoginAnswer() {
    }

    public static String body(Account account, AccountDirectory directory, LoginOrigin origin,
            LoginCredentials credentials) {
        XmlWriter x = new XmlWriter().start("results");
        x.start("client")
                .attr("public-ip", LoginOrigin.legacyIp(origin.publicIp()))
                .attr("login-place", "")
                .attr("last-login-ip", LoginOrigin.legacyIp(origin.lastLoginIp()))
                .attr("last-login-place", "")
                .attr("last-login-time", origin.legacyLastLoginTime())
                .end();
        x.start("user-info");
        personal(x, account);
        x.empty("configs");
        x.start("custom-config").attr("version", 0).end();
        contactList(x, account, directory);
        x.start("score").attr("value", 0).attr("level", 0).attr("level-score", 0).end();
        x.empty("services");
        quotas(x);
        x.start("capability-list").attr("basic-caps", "1ffff").attr("contact-caps", "ffffff")
                .attr("extended-caps", "201fff").end();
        x.end();
        credentials(x, credentials);
        return x.end().toXml();
    }

    /** {@code <credentials kernel><credential domain c/></credentials>}, also the keep-alive answer's content. */
    static void credentials(XmlWriter x, LoginCredentials credentials) {
        x.start("credentials").attr("kernel", credentials.kernel())
                .start("credential").attr("domain", FetionUri.DOMAIN).attr("c", credentials.credential()).end()
                .end();
    }

    private static void personal(XmlWriter x, Account account) {
        x.start("personal")
                .attr("version", ContactVersions.personal(account))
                .attr("user-id", account.userId())
                .attr("sid", account.sid())
                .attr("mobile-no", account.mobile().orElse(""))
                .attr("uri", account.fetionUri())
                .attr("name", "")
                .attr("nickname", account.nickname())
                .attr("gender", 0)
                .attr("impresa", account.impresa())
                .attr("portrait-crc", 0)
                .attr("carrier", "CMCC")
                .attr("carrier-status", 0)
                .attr("carrier-region", CARRIER_REGION)
                .attr("sms-online-status", "0.0:0:0")
                .end();
    }

    private static void contactList(XmlWriter x, Account account, AccountDirectory directory) {
        x.start("contact-list").attr("version", ContactVersions.contactList(account, directory));
        x.start("buddy-lists");
        for (BuddyList list : account.buddyLists()) {
            x.start("buddy-list").attr("id", list.id()).attr("name", list.name()).end();
        }
        x.end();
        x.start("buddies");
        for (ResolvedBuddy b : ResolvedBuddy.of(account, directory)) {
            // i user-id, u uri, n local name, l list ids, r relation (1 = buddy), p permissions (sample 06);
            // f and o are unexplained (section 10), so they take sample 06's common values.
            x.start("b")
                    .attr("i", b.account().userId())
                    .attr("u", b.buddy().address().legacyUri())
                    .attr("n", b.buddy().localName())
                    .attr("l", b.listIds())
                    .attr("f", 0)
                    .attr("r", 1)
                    .attr("o", 1)
                    .attr("p", "identity=1;")
                    .end();
        }
        x.end();
        x.empty("chat-friends");
        x.empty("blacklist");
        x.end();
    }

    private static void quotas(XmlWriter x) {
        x.start("quotas");
        x.start("quota-limit").start("limit").attr("name", "max-buddies").attr("value", 300).end().end();
        x.start("quota-frequency").start("frequency").attr("name", "send-sms").attr("day-limit", 600)
                .attr("day-count", 0).attr("month-limit", 10000).attr("month-count", 0).end().end();
        x.end();
    }
}
