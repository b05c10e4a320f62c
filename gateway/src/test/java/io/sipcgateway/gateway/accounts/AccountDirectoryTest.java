package io.sipcgateway.gateway.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountDirectoryTest {
    private static final AccountDirectory DEMO = AccountDirectory.demo();
    private static final Account ALICE = DEMO.bySid("916000001").orElseThrow();
    private static final Account BOB = DEMO.bySid("916000002").orElseThrow();

    @Test
    void demoHasTheDocumentedAccounts() {
        assertEquals(2, DEMO.size());
        assertEquals("300000001", ALICE.userId());
        assertEquals(Optional.of("13800000001"), ALICE.mobile());
        assertEquals("alice", ALICE.nickname());
        assertEquals(PasswordHashes.of("916000001", "alicepw").credentials(), ALICE.credentials());
        assertEquals(PasswordHashes.of("916000002", "bobpw").credentials(), BOB.credentials());
        assertEquals("sip:alice@example.test", ALICE.coreAor());
        assertEquals("alice", ALICE.coreCredentials().orElseThrow().username());
    }

    @Test
    void demoAccountsAreBuddiesOfEachOther() {
        assertEquals(Optional.of(BOB), DEMO.resolve(ALICE.buddies().get(0).address()));
        assertEquals(Optional.of(ALICE), DEMO.resolve(BOB.buddies().get(0).address()));
        assertEquals("Friends", ALICE.buddyList(1).orElseThrow().name());
    }

    @Test
    void findsAnAccountByEachKey() {
        assertEquals(Optional.of(BOB), DEMO.byUserId("300000002"));
        assertEquals(Optional.of(BOB), DEMO.byMobile("13800000002"));
        assertEquals(Optional.of(BOB), DEMO.byCoreAor("sip:bob@example.test"));
        assertEquals(Optional.empty(), DEMO.bySid("916000003"));
        assertEquals(Optional.empty(), DEMO.byMobile("916000001"));
    }

    @Test
    void matchesCoreAorsIgnoringBracketsParametersAndHostCase() {
        assertEquals(Optional.of(ALICE), DEMO.byCoreAor("<SIP:alice@Example.TEST;transport=tcp>"));
        assertEquals(Optional.empty(), DEMO.byCoreAor("sip:ALICE@example.test"), "the user part is case-sensitive");
    }

    @Test
    void refusesDuplicateKeys() {
        Account twin = copy(BOB, "916000001", "300000003", Optional.of("13800000003"), "sip:twin@example.test");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccountDirectory.of(List.of(ALICE, twin)));
        assertTrue(e.getMessage().contains("duplicate sid '916000001'"), e.getMessage());
        List<DirectoryProblem> problems = AccountDirectory.check(List.of(ALICE, BOB,
                copy(BOB, "916000003", "300000001", ALICE.mobile(), ALICE.coreAor())));
        assertEquals(List.of("accounts[2].user-id", "accounts[2].mobile", "accounts[2].core-aor"),
                problems.stream().map(p -> "accounts[" + p.account() + "]." + p.path()).toList());
    }

    @Test
    void reportsEveryBrokenContactListRuleWithItsPath() {
        Account carol = new Account("916000003", "300000003", Optional.empty(), "carol", "", ALICE.credentials(),
                List.of(new BuddyList(1, "A"), new BuddyList(1, "B")),
                List.of(new Buddy(new Buddy.Sid("916000002"), "", List.of(1, 7)),
                        new Buddy(new Buddy.Mobile("13800000002"), "", List.of()),
                        new Buddy(new Buddy.Sid("916000009"), "", List.of()),
                        new Buddy(new Buddy.Sid("916000003"), "", List.of())),
                "sip:carol@example.test", Optional.empty());
        List<String> problems = AccountDirectory.check(List.of(ALICE, BOB, carol)).stream()
                .map(DirectoryProblem::toString).toList();
        assertEquals(List.of(
                "accounts[2].buddy-lists[1].id: duplicate list id 1",
                "accounts[2].buddies[0].lists[1]: no buddy list with id 7 in this account",
                "accounts[2].buddies[1].mobile: same account as buddies[0] (accounts[1]); list it once with several "
                        + "lists instead",
                "accounts[2].buddies[2].sid: no account with sid 916000009",
                "accounts[2].buddies[3].sid: an account cannot be its own buddy"), problems);
    }

    @Test
    void generatesValidDirectoriesOfAnySize() {
        assertEquals(0, AccountDirectory.generate(0, "example.test").size());
        assertTrue(AccountDirectory.generate(1, "example.test").accounts().get(0).buddies().isEmpty());
        AccountDirectory many = AccountDirectory.generate(1000, "example.test");
        assertEquals(1000, many.size());
        Account first = many.accounts().get(0);
        assertEquals(5, first.buddies().size());
        assertEquals("sip:800000000@example.test", first.coreAor());
        assertEquals(PasswordHashes.of("800000000", "pw0").credentials(), first.credentials());
        assertTrue(many.byMobile("13900000999").isPresent());
    }

    @Test
    void recordsRejectMalformedFieldsAndHideSecrets() {
        assertThrows(IllegalArgumentException.class, () -> copy(ALICE, "abc", "1", Optional.empty(), "sip:a@b"));
        assertThrows(IllegalArgumentException.class, () -> copy(ALICE, "1", "3000000000", Optional.empty(),
                "sip:a@b"));
        assertThrows(IllegalArgumentException.class, () -> copy(ALICE, "1", "1", Optional.of("12345"), "sip:a@b"));
        assertThrows(IllegalArgumentException.class, () -> copy(ALICE, "1", "1", Optional.empty(), "alice"));
        assertFalse(ALICE.coreCredentials().orElseThrow().toString().contains("alicepw"));
        assertFalse(ALICE.toString().contains(ALICE.credentials().md5SessKey()));
    }

    private static Account copy(Account a, String sid, String userId, Optional<String> mobile, String coreAor) {
        return new Account(sid, userId, mobile, a.nickname(), a.impresa(), a.credentials(), a.buddyLists(),
                List.of(), coreAor, a.coreCredentials());
    }
}
