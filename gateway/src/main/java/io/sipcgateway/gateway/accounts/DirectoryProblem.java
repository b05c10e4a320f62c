package io.sipcgateway.gateway.accounts;

import java.util.Objects;

/**
 * A rule that spans fields or accounts, broken: which account (index in the list given to
 * {@link AccountDirectory#check}), which field, and what is wrong. The loader maps it back to a line of the file.
 *
 * @param item the index of the buddy list ({@link Field#LIST_ID}) or buddy ({@code BUDDY_*}), else 0
 * @param subItem the index in the buddy's {@code lists} ({@link Field#BUDDY_LIST}), else 0
 */
public record DirectoryProblem(int account, Field field, int item, int subItem, String message) {

    public enum Field { SID, USER_ID, MOBILE, CORE_AOR, LIST_ID, BUDDY_SID, BUDDY_MOBILE, BUDDY_LIST }

    public DirectoryProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The field as it is spelt in {@code accounts.yaml}, e.g. {@code buddies[2].lists[0]}. */
    public String path() {
        return switch (field) {
            case SID -> "sid";
            case USER_ID -> "user-id";
            case MOBILE -> "mobile";
            case CORE_AOR -> "core-aor";
            case LIST_ID -> "buddy-lists[" + item + "].id";
            case BUDDY_SID -> "buddies[" + item + "].sid";
            case BUDDY_MOBILE -> "buddies[" + item + "].mobile";
            case BUDDY_LIST -> "buddies[" + item + "].lists[" + subItem + "]";
        };
    }

    @Override
    public String toString() {
        return "accounts[" + account + "]." + path() + ": " + message;
    }
}
