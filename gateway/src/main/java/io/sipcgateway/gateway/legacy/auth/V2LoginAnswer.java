package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;

/**
 * The body of the v2 login {@code 200 OK} (section 7.1 step 5, sample 46):
 * {@code <results><client public-ip><custom-config version/></client><user-info personal-info-version
 * contact-version permission-version/><presence result="200"/></results>}. The contact list is not in it; the client
 * asks with {@code S GetContactList}, and the versions here match the ones those answers carry. The official client
 * got a base64 gzip blob as custom config; an empty one at version 0 is a GUESS at "no config".
 */
public final class V2LoginAnswer {
    /** The directory models no permissions, so their version never changes. */
    static final int PERMISSION_VERSION = 1;

    private V2LoginAnswer() {
    }

    public static String body(Account account, AccountDirectory directory, LoginOrigin origin) {
        return new XmlWriter().start("results")
                .start("client").attr("public-ip", origin.publicIp())
                .start("custom-config").attr("version", 0).end()
                .end()
                .start("user-info")
                .attr("personal-info-version", ContactVersions.personal(account))
                .attr("contact-version", ContactVersions.contactList(account, directory))
                .attr("permission-version", PERMISSION_VERSION)
                .end()
                .start("presence").attr("result", 200).end()
                .end().toXml();
    }
}
