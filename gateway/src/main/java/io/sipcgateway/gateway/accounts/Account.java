package io.sipcgateway.gateway.accounts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One legacy Fetion user the gateway logs in itself: identity, profile, the password hashes the logins need, the
 * contact list, and how the user is known on the SIP core. Field formats are checked here ({@link AccountRules});
 * rules that span fields or accounts (list ids exist, buddies resolve, no duplicates) are checked by
 * {@link AccountDirectory#of}.
 *
 * @param sid the Fetion number, the user part of the legacy URI and the {@code F} of client requests
 * @param userId the numeric user id v4 uses in the login hash and keys presence by (sections 5.2, 7.2)
 * @param coreAor the user's address of record on the SIP core, by default {@code sip:<sid>@<core domain>}
 */
public record Account(String sid, String userId, Optional<String> mobile, String nickname, String impresa,
        Credentials credentials, List<BuddyList> buddyLists, List<Buddy> buddies, String coreAor,
        Optional<CoreCredentials> coreCredentials) {

    public Account {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(impresa, "impresa");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(coreAor, "coreAor");
        Objects.requireNonNull(coreCredentials, "coreCredentials");
        AccountRules.require(AccountRules.sid(sid), "sid");
        AccountRules.require(AccountRules.userId(userId), "userId");
        mobile.ifPresent(m -> AccountRules.require(AccountRules.mobile(m), "mobile"));
        AccountRules.require(AccountRules.nickname(nickname), "nickname");
        AccountRules.require(AccountRules.impresa(impresa), "impresa");
        AccountRules.require(AccountRules.coreAor(coreAor), "coreAor");
        buddyLists = List.copyOf(buddyLists);
        buddies = List.copyOf(buddies);
    }

    /** {@code sip:<sid>@<coreDomain>}, the core address of record when none is configured. */
    public static String defaultCoreAor(String sid, String coreDomain) {
        return "sip:" + sid + "@" + coreDomain;
    }

    /** The user's own legacy URI, {@code sip:<sid>@fetion.com.cn;p=<n>}. */
    public String fetionUri() {
        return FetionUri.of(sid);
    }

    public Optional<BuddyList> buddyList(int id) {
        for (BuddyList list : buddyLists) {
            if (list.id() == id) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }
}
