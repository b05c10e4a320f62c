package io.sipcgateway.gateway.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts the gateway serves, immutable, with lookups by sid, user-id, mobile number and core address of
 * record. Built by {@link AccountDirectoryLoader} from YAML, by {@link #of} from code, or as {@link #demo()}.
 */
public final class AccountDirectory {
    private final List<Account> accounts;
    private final Map<String, Account> bySid;
    private final Map<String, Account> byUserId;
    private final Map<String, Account> byMobile;
    private final Map<String, Account> byCoreAor;

    private AccountDirectory(List<Account> accounts, Map<String, Account> bySid, Map<String, Account> byUserId,
            Map<String, Account> byMobile, Map<String, Account> byCoreAor) {
        this.accounts = accounts;
        this.bySid = bySid;
        this.byUserId = byUserId;
        this.byMobile = byMobile;
        this.byCoreAor = byCoreAor;
    }

    /**
     * A directory of {@code accounts}.
     *
     * @throws IllegalArgumentException listing every {@link #check} problem, if there is any
     */
    public static AccountDirectory of(Collection<Account> accounts) {
        List<Account> list = List.copyOf(accounts);
        List<DirectoryProblem> problems = check(list);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid account directory: " + problems);
        }
        return ofChecked(list);
    }

    /** A directory of accounts that {@link #check} found no problem with. */
    static AccountDirectory ofChecked(List<Account> list) {
        int capacity = list.size() * 4 / 3 + 1;
        Map<String, Account> bySid = new HashMap<>(capacity);
        Map<String, Account> byUserId = new HashMap<>(capacity);
        Map<String, Account> byMobile = new HashMap<>(capacity);
        Map<String, Account> byCoreAor = new HashMap<>(capacity);
        for (Account account : list) {
            bySid.put(account.sid(), account);
            byUserId.put(account.userId(), account);
            account.mobile().ifPresent(m -> byMobile.put(m, account));
            byCoreAor.put(CoreAors.normalize(account.coreAor()), account);
        }
        return new AccountDirectory(list, bySid, byUserId, byMobile, byCoreAor);
    }

    /** The two documented demo accounts, alice and bob, buddies of each other ({@link DemoAccounts}). */
    public static AccountDirectory demo() {
        return DemoAccounts.directory();
    }

    /** The demo accounts with core AORs in {@code coreDomain}, e.g. {@code sip:alice@sipc.local}. */
    public static AccountDirectory demo(String coreDomain) {
        return DemoAccounts.directory(coreDomain);
    }

    /**
     * {@code n} synthetic accounts for load tests and demos: sids from 800000000, user-ids from 500000000,
     * mobiles from 13900000000, password {@code pw<i>}, each with one list and up to five buddies.
     */
    public static AccountDirectory generate(int n, String coreDomain) {
        return AccountGenerator.generate(n, coreDomain);
    }

    /**
     * Every rule that spans fields or accounts, broken in {@code accounts}: duplicate sids, user-ids, mobiles or
     * core AORs; duplicate list ids; buddies in lists that do not exist; buddies that resolve to no account, to
     * the account itself, or to an account already listed. A buddy must resolve because the v4 contact list keys
     * buddies by user-id, and libofetion's {@code parse_contact_list()} never advances past a repeated one.
     */
    public static List<DirectoryProblem> check(List<Account> accounts) {
        List<DirectoryProblem> problems = new ArrayList<>();
        int capacity = accounts.size() * 4 / 3 + 1;
        Map<String, Integer> sids = new HashMap<>(capacity);
        Map<String, Integer> userIds = new HashMap<>(capacity);
        Map<String, Integer> mobiles = new HashMap<>(capacity);
        Map<String, Integer> aors = new HashMap<>(capacity);
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            unique(sids, account.sid(), i, DirectoryProblem.Field.SID, problems);
            unique(userIds, account.userId(), i, DirectoryProblem.Field.USER_ID, problems);
            int index = i;
            account.mobile().ifPresent(m -> unique(mobiles, m, index, DirectoryProblem.Field.MOBILE, problems));
            unique(aors, CoreAors.normalize(account.coreAor()), i, DirectoryProblem.Field.CORE_AOR, problems);
        }
        for (int i = 0; i < accounts.size(); i++) {
            checkLists(accounts, i, sids, mobiles, problems);
        }
        return problems;
    }

    private static void unique(Map<String, Integer> seen, String value, int index, DirectoryProblem.Field field,
            List<DirectoryProblem> problems) {
        Integer first = seen.putIfAbsent(value, index);
        if (first != null) {
            String name = switch (field) {
                case SID -> "sid";
                case USER_ID -> "user-id";
                case MOBILE -> "mobile";
                default -> "core-aor";
            };
            problems.add(new DirectoryProblem(index, field, 0, 0,
                    "duplicate " + name + " '" + value + "', also used by accounts[" + first + "]"));
        }
    }

    private static void checkLists(List<Account> accounts, int index, Map<String, Integer> sids,
            Map<String, Integer> mobiles, List<DirectoryProblem> problems) {
        Account account = accounts.get(index);
        Set<Integer> listIds = new HashSet<>();
        for (int l = 0; l < account.buddyLists().size(); l++) {
            int id = account.buddyLists().get(l).id();
            if (!listIds.add(id)) {
                problems.add(new DirectoryProblem(index, DirectoryProblem.Field.LIST_ID, l, 0,
                        "duplicate list id " + id));
            }
        }
        Map<Integer, Integer> resolved = new HashMap<>();
        for (int b = 0; b < account.buddies().size(); b++) {
            Buddy buddy = account.buddies().get(b);
            for (int l = 0; l < buddy.listIds().size(); l++) {
                int id = buddy.listIds().get(l);
                if (!listIds.contains(id)) {
                    problems.add(new DirectoryProblem(index, DirectoryProblem.Field.BUDDY_LIST, b, l,
                            "no buddy list with id " + id + " in this account"));
                }
            }
            Integer target = buddy.address() instanceof Buddy.Sid s ? sids.get(s.sid())
                    : mobiles.get(((Buddy.Mobile) buddy.address()).mobile());
            DirectoryProblem.Field field = buddy.address() instanceof Buddy.Sid ? DirectoryProblem.Field.BUDDY_SID
                    : DirectoryProblem.Field.BUDDY_MOBILE;
            if (target == null) {
                problems.add(new DirectoryProblem(index, field, b, 0, "no account with " + describe(buddy.address())));
            } else if (target == index) {
                problems.add(new DirectoryProblem(index, field, b, 0, "an account cannot be its own buddy"));
            } else {
                Integer previous = resolved.putIfAbsent(target, b);
                if (previous != null) {
                    problems.add(new DirectoryProblem(index, field, b, 0, "same account as buddies[" + previous
                            + "] (accounts[" + target + "]); list it once with several lists instead"));
                }
            }
        }
    }

    private static String describe(Buddy.Address address) {
        return address instanceof Buddy.Sid s ? "sid " + s.sid() : "mobile " + ((Buddy.Mobile) address).mobile();
    }

    public Optional<Account> bySid(String sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    public Optional<Account> byUserId(String userId) {
        return Optional.ofNullable(byUserId.get(userId));
    }

    public Optional<Account> byMobile(String mobile) {
        return Optional.ofNullable(byMobile.get(mobile));
    }

    /** By core address of record, ignoring {@code <>}, URI parameters and the case of scheme and host. */
    public Optional<Account> byCoreAor(String aor) {
        return Optional.ofNullable(byCoreAor.get(CoreAors.normalize(aor)));
    }

    /** The account a buddy entry points at; present for every buddy of a directory's account. */
    public Optional<Account> resolve(Buddy.Address address) {
        return address instanceof Buddy.Sid s ? bySid(s.sid()) : byMobile(((Buddy.Mobile) address).mobile());
    }

    /** The accounts in the order they were given. */
    public List<Account> accounts() {
        return accounts;
    }

    public int size() {
        return accounts.size();
    }

    @Override
    public String toString() {
        return "AccountDirectory[" + accounts.size() + " accounts]";
    }
}
