package io.sipcgateway.gateway.accounts;

import java.util.List;
import java.util.Optional;

/**
 * The two documented demo accounts, buddies of each other in a list "Friends" (id 1):
 *
 * <table>
 *   <caption>demo accounts</caption>
 *   <tr><th>nickname</th><th>sid</th><th>user-id</th><th>mobile</th><th>password</th><th>core AOR</th></tr>
 *   <tr><td>alice</td><td>916000001</td><td>300000001</td><td>13800000001</td><td>alicepw</td>
 *       <td>sip:alice@example.test</td></tr>
 *   <tr><td>bob</td><td>916000002</td><td>300000002</td><td>13800000002</td><td>bobpw</td>
 *       <td>sip:bob@example.test</td></tr>
 * </table>
 *
 * The core side matches the local Kamailio of {@code kamailio-core.md} (domain {@code example.test}, subscribers
 * {@code alice}/{@code alicepw} and {@code bob}/{@code bobpw}); the sids and numbers match the samples.
 */
final class DemoAccounts {
    static final String CORE_DOMAIN = "example.test";

    private static final AccountDirectory DIRECTORY = directory(CORE_DOMAIN);

    private DemoAccounts() {
    }

    static AccountDirectory directory() {
        return DIRECTORY;
    }

    /** The demo accounts with their core AORs in {@code coreDomain} ({@code sip:alice@<coreDomain>}). */
    static AccountDirectory directory(String coreDomain) {
        return AccountDirectory.of(List.of(
                account("916000001", "300000001", "13800000001", "alice", "alicepw", "916000002", "bob", coreDomain),
                account("916000002", "300000002", "13800000002", "bob", "bobpw", "916000001", "alice", coreDomain)));
    }

    private static Account account(String sid, String userId, String mobile, String name, String password,
            String buddySid, String buddyName, String coreDomain) {
        Credentials credentials = PasswordHashes.of(sid, password).credentials();
        List<Buddy> buddies = List.of(new Buddy(new Buddy.Sid(buddySid), buddyName, List.of(1)));
        List<BuddyList> lists = List.of(new BuddyList(1, "Friends"));
        return new Account(sid, userId, Optional.of(mobile), name, "", credentials, lists, buddies,
                "sip:" + name + "@" + coreDomain, Optional.of(new CoreCredentials(name, password)));
    }
}
