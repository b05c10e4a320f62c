package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.Buddy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A buddy with the account it points at: the contact lists need the buddy's user-id. */
record ResolvedBuddy(Buddy buddy, Account account) {

    /**
     * The account's buddies that resolve in {@code directory}, each user-id once. A directory guarantees both;
     * the filter guards libofetion, whose {@code parse_contact_list()} never advances past a repeated {@code i}.
     */
    static List<ResolvedBuddy> of(Account owner, AccountDirectory directory) {
        List<ResolvedBuddy> out = new ArrayList<>(owner.buddies().size());
        Set<String> userIds = new HashSet<>();
        for (Buddy buddy : owner.buddies()) {
            directory.resolve(buddy.address())
                    .filter(a -> userIds.add(a.userId()))
                    .ifPresent(a -> out.add(new ResolvedBuddy(buddy, a)));
        }
        return out;
    }

    /** The buddy's list ids as the lists want them: {@code 1;3}. */
    String listIds() {
        StringBuilder out = new StringBuilder();
        for (Integer id : buddy.listIds()) {
            out.append(out.length() == 0 ? "" : ";").append(id);
        }
        return out.toString();
    }

    boolean byMobile() {
        return buddy.address() instanceof Buddy.Mobile;
    }
}
