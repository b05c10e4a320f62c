package io.sipcgateway.gateway.accounts;

import java.util.Objects;

/** A buddy list ("group") of the contact list: {@code <buddy-list id name/>} (sections 4.2 and 7.2). */
public record BuddyList(int id, String name) {
    public BuddyList {
        Objects.requireNonNull(name, "name");
        AccountRules.require(AccountRules.listId(id), "id");
        AccountRules.require(AccountRules.name(name, false), "name");
    }
}
