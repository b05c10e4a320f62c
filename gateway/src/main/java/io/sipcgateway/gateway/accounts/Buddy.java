package io.sipcgateway.gateway.accounts;

import java.util.List;
import java.util.Objects;

/**
 * A contact-list entry: the buddy's address as the user added it (by Fetion number or by mobile number), the local
 * name the user gave it, and the ids of the buddy lists it is in.
 */
public record Buddy(Address address, String localName, List<Integer> listIds) {
    public Buddy {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(localName, "localName");
        AccountRules.require(AccountRules.name(localName, true), "localName");
        listIds = List.copyOf(listIds);
    }

    /** How the buddy was added. Both forms resolve to an account of the directory. */
    public sealed interface Address permits Sid, Mobile {
        /** The URI the legacy client shows for the buddy: the Fetion URI, or {@code tel:<mobile>}. */
        String legacyUri();
    }

    /** Added by Fetion number; listed as {@code sip:<sid>@fetion.com.cn;p=<n>}. */
    public record Sid(String sid) implements Address {
        public Sid {
            Objects.requireNonNull(sid, "sid");
            AccountRules.require(AccountRules.sid(sid), "sid");
        }

        @Override
        public String legacyUri() {
            return FetionUri.of(sid);
        }
    }

    /** Added by mobile number; listed as {@code tel:<mobile>} (section 3, {@code T}). */
    public record Mobile(String mobile) implements Address {
        public Mobile {
            Objects.requireNonNull(mobile, "mobile");
            AccountRules.require(AccountRules.mobile(mobile), "mobile");
        }

        @Override
        public String legacyUri() {
            return "tel:" + mobile;
        }
    }
}
