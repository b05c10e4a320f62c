package io.sipcgateway.gateway.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Synthetic accounts for load measurements (see {@link AccountDirectory#generate}); the numbering is public so that
 * the load tool can sign in as account {@code i} without a password list.
 */
public final class AccountGenerator {
    public static final long FIRST_SID = 800_000_000L;
    public static final long FIRST_USER_ID = 500_000_000L;
    public static final long FIRST_MOBILE = 13_900_000_000L;
    static final int MAX_BUDDIES = 5;

    private AccountGenerator() {
    }

    public static String sid(int i) {
        return Long.toString(FIRST_SID + i);
    }

    public static String userId(int i) {
        return Long.toString(FIRST_USER_ID + i);
    }

    public static String password(int i) {
        return "pw" + i;
    }

    static AccountDirectory generate(int n, String coreDomain) {
        if (n < 0 || n > 99_999_999) {
            throw new IllegalArgumentException("n out of range: " + n);
        }
        List<Account> accounts = new ArrayList<>(n);
        List<BuddyList> lists = List.of(new BuddyList(1, "Friends"));
        int buddies = Math.min(MAX_BUDDIES, Math.max(0, n - 1));
        for (int i = 0; i < n; i++) {
            String sid = Long.toString(FIRST_SID + i);
            List<Buddy> entries = new ArrayList<>(buddies);
            for (int k = 1; k <= buddies; k++) {
                int other = (i + k) % n;
                // Every other buddy by mobile number, so both address forms are exercised.
                Buddy.Address address = k % 2 == 0 ? new Buddy.Mobile(Long.toString(FIRST_MOBILE + other))
                        : new Buddy.Sid(Long.toString(FIRST_SID + other));
                entries.add(new Buddy(address, "user" + other, List.of(1)));
            }
            accounts.add(new Account(sid, Long.toString(FIRST_USER_ID + i),
                    Optional.of(Long.toString(FIRST_MOBILE + i)), "user" + i, "", PasswordHashes.of(sid, password(i))
                            .credentials(), lists, entries, Account.defaultCoreAor(sid, coreDomain), Optional.empty()));
        }
        return AccountDirectory.of(accounts);
    }
}
