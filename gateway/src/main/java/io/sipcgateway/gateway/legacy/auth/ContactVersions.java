package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.Buddy;
import io.sipcgateway.gateway.accounts.BuddyList;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The {@code version} numbers of personal data and contact list. Clients cache both and skip a list whose version
 * they already hold (libofetion {@code parse_contact_list()}: "Contact list is the same as that stored in the local
 * disk"), so a version must change whenever the content does: it is a CRC-32 of the content, 1 to 2^31-1.
 */
final class ContactVersions {
    private ContactVersions() {
    }

    static long personal(Account account) {
        return crc(account.sid() + '\n' + account.userId() + '\n' + account.mobile().orElse("") + '\n'
                + account.nickname() + '\n' + account.impresa());
    }

    static long contactList(Account account, AccountDirectory directory) {
        StringBuilder content = new StringBuilder(64 * (account.buddies().size() + 1));
        for (BuddyList list : account.buddyLists()) {
            content.append("L").append(list.id()).append('\n').append(list.name()).append('\n');
        }
        for (Buddy buddy : account.buddies()) {
            content.append("B").append(buddy.address().legacyUri()).append('\n')
                    .append(directory.resolve(buddy.address()).map(Account::userId).orElse("")).append('\n')
                    .append(buddy.localName()).append('\n').append(buddy.listIds()).append('\n');
        }
        return crc(content.toString());
    }

    private static long crc(String content) {
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.UTF_8));
        long value = crc.getValue() & Integer.MAX_VALUE;
        return value == 0 ? 1 : value;
    }
}
