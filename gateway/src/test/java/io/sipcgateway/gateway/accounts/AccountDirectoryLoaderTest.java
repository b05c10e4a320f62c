package io.sipcgateway.gateway.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountDirectoryLoaderTest {
    private static final String ALICE = """
            accounts:
              - sid: 916000001
                user-id: 300000001
                mobile: 13800000001
                nickname: alice
                password: alicepw          # or: md5-sess-key / sha1-password / v4-digest hashes
                buddy-lists: [{id: 1, name: Friends}]
                buddies: [{sid: 916000002, local-name: bob, lists: [1]}]
            """;
    private static final String BOB = """
              - sid: 916000002
                user-id: 300000002
                mobile: 13800000002
                password: bobpw
            """;

    private final AccountDirectoryLoader loader = new AccountDirectoryLoader("example.test");

    @Test
    void loadsTheDocumentedFormat() {
        AccountDirectory directory = loaded(ALICE + BOB);
        Account alice = directory.bySid("916000001").orElseThrow();
        assertEquals("300000001", alice.userId());
        assertEquals(Optional.of("13800000001"), alice.mobile());
        assertEquals("alice", alice.nickname());
        assertEquals("", alice.impresa());
        assertEquals(PasswordHashes.of("916000001", "alicepw").credentials(), alice.credentials());
        assertEquals(List.of(new BuddyList(1, "Friends")), alice.buddyLists());
        assertEquals(List.of(new Buddy(new Buddy.Sid("916000002"), "bob", List.of(1))), alice.buddies());
        assertEquals("sip:916000001@example.test", alice.coreAor());
        assertEquals(Optional.empty(), alice.coreCredentials());
        assertEquals("", directory.bySid("916000002").orElseThrow().nickname());
    }

    @Test
    void errorNamesFileLineAndField() {
        String yaml = """
                accounts:
                  - sid: 916000001
                    user-id: 300000001
                    mobile: 13800000001
                    nickname: alice
                    password: alicepw
                  - sid: abc
                    user-id: 300000002
                    password: bobpw
                """;
        assertEquals(List.of("accounts.yaml line 7: accounts[1].sid: expected digits, got 'abc'"), errors(yaml));
    }

    @Test
    void readsCoreAddressAndCredentialsAndHashes() {
        String yaml = """
                accounts:
                  - sid: 916000001
                    user-id: 300000001
                    impresa: "a \\"quoted\\" mood"
                    md5-sess-key: 8d980f265eae066f8cf6c0db239bec47
                    sha1-password: "A5771E9D7527C46CFA8C3E1D16649757ADC4E3D8"
                    v4-digest: '7C63607A5747553F29A3853E2BAA08700EBE26F9'
                    core-aor: sip:alice@example.test
                    core-auth: {username: alice, password: secret}
                """;
        Account alice = loaded(yaml).accounts().get(0);
        assertEquals(PasswordHashes.of("916000001", "alicepw").credentials(), alice.credentials());
        assertEquals("a \"quoted\" mood", alice.impresa());
        assertEquals("sip:alice@example.test", alice.coreAor());
        assertEquals(new CoreCredentials("alice", "secret"), alice.coreCredentials().orElseThrow());
        assertEquals(Optional.empty(), alice.mobile());
    }

    @Test
    void readsPasswordsThatLookLikeNumbersOrBooleansAsWritten() {
        String yaml = "accounts:\n  - {sid: 1, user-id: 1, password: 0123}\n  - {sid: 2, user-id: 2, password: yes}\n";
        AccountDirectory directory = loaded(yaml);
        assertEquals(PasswordHashes.of("1", "0123").credentials(), directory.bySid("1").orElseThrow().credentials());
        assertEquals(PasswordHashes.of("2", "yes").credentials(), directory.bySid("2").orElseThrow().credentials());
    }

    @Test
    void rejectsDuplicatesAtTheLineOfTheSecondOccurrence() {
        String yaml = ALICE + """
                  - sid: 916000002
                    user-id: 300000001
                    mobile: 13800000001
                    password: bobpw
                  - sid: 916000002
                    user-id: 300000003
                    password: carolpw
                """;
        assertEquals(List.of(
                "accounts.yaml line 10: accounts[1].user-id: duplicate user-id '300000001', also used by accounts[0]",
                "accounts.yaml line 11: accounts[1].mobile: duplicate mobile '13800000001', also used by accounts[0]",
                "accounts.yaml line 13: accounts[2].sid: duplicate sid '916000002', also used by accounts[1]",
                "accounts.yaml line 13: accounts[2].core-aor: duplicate core-aor 'sip:916000002@example.test', also "
                        + "used by accounts[1]"), errors(yaml));
    }

    @Test
    void rejectsBuddiesInListsThatDoNotExist() {
        String yaml = ALICE.replace("lists: [1]", "lists: [1, 2]") + BOB;
        assertEquals(List.of("accounts.yaml line 8: accounts[0].buddies[0].lists[1]: no buddy list with id 2 in "
                + "this account"), errors(yaml));
    }

    @Test
    void rejectsBuddiesThatAreNoAccount() {
        String yaml = ALICE + """
                  - sid: 916000002
                    user-id: 300000002
                    password: bobpw
                    buddies:
                      - mobile: 13800000009
                """;
        assertEquals(List.of("accounts.yaml line 13: accounts[1].buddies[0].mobile: no account with mobile "
                + "13800000009"), errors(yaml));
    }

    @Test
    void reportsEveryFieldProblemOfAnEntry() {
        String yaml = """
                accounts:
                  - sid: 916000001
                    user-id: 9999999999
                    mobile: 1380000000
                    nickname: "%s"
                    password: alicepw
                    buddy-lists: [{id: 0, name: ""}]
                    buddies: [{sid: 1, mobile: 13800000002}, {sid: 2, lists: [x]}]
                    core-aor: alice@example.test
                    core-auth: {username: alice}
                    nick-name: typo
                """.formatted("長".repeat(16));
        assertEquals(List.of(
                "accounts.yaml line 11: accounts[0].nick-name: unknown field (expected one of "
                        + String.join(", ", AccountEntryReader.ACCOUNT_FIELDS) + ")"), errors(yaml));
        List<String> errors = errors(yaml.replace("    nick-name: typo\n", ""));
        assertEquals(List.of(
                "accounts.yaml line 3: accounts[0].user-id: expected at most 2147483647 (libofetion reads it as a "
                        + "32-bit int), got 9999999999",
                "accounts.yaml line 4: accounts[0].mobile: expected an 11-digit mobile number starting with 1, got "
                        + "'1380000000'",
                "accounts.yaml line 5: accounts[0].nickname: expected at most 47 UTF-8 bytes, got 48",
                "accounts.yaml line 7: accounts[0].buddy-lists[0].id: expected a list id from 1 to 2147483647, got 0",
                "accounts.yaml line 7: accounts[0].buddy-lists[0].name: must not be empty",
                "accounts.yaml line 8: accounts[0].buddies[0]: expected exactly one of sid or mobile",
                "accounts.yaml line 8: accounts[0].buddies[1].lists[0]: expected a list id (a positive integer), "
                        + "got 'x'",
                "accounts.yaml line 9: accounts[0].core-aor: expected a sip: or sips: URI like sip:alice@example.org, "
                        + "got 'alice@example.test'",
                "accounts.yaml line 10: accounts[0].core-auth.password: missing"), errors);
    }

    @Test
    void requiresExactlyOneFormOfCredentials() {
        assertEquals(List.of("accounts.yaml line 2: accounts[0]: missing password (or the three hashes "
                + "md5-sess-key, sha1-password, v4-digest)"), errors("accounts:\n  - sid: 1\n    user-id: 1\n"));
        assertEquals(List.of("accounts.yaml line 2: accounts[0].v4-digest: missing"), errors(
                "accounts:\n  - sid: 1\n    user-id: 1\n    md5-sess-key: " + "0".repeat(32) + "\n    sha1-password: "
                        + "0".repeat(40) + "\n"));
        assertEquals(List.of("accounts.yaml line 4: accounts[0].password: give either password or the three "
                + "hashes, not both"), errors("accounts:\n  - sid: 1\n    user-id: 1\n    password: x\n"
                + "    v4-digest: " + "0".repeat(40) + "\n"));
    }

    @Test
    void refusesJavaTypeTagsBeforeAnythingIsBuilt() {
        String yaml = """
                accounts:
                  - sid: 1
                    user-id: 1
                    password: x
                    nickname: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL
                        ["http://x"]]]]
                """;
        assertEquals(List.of("accounts.yaml line 5: tag tag:yaml.org,2002:javax.script.ScriptEngineManager is not "
                + "allowed: the file holds plain values"), errors(yaml));
        assertEquals(List.of("accounts.yaml line 4: tag !local is not allowed: the file holds plain values"),
                errors("accounts:\n  - sid: 1\n    user-id: 1\n    password: !local x\n"));
    }

    @Test
    void readsStandardTagsAsTheTextTheyTag() {
        AccountDirectory directory = loaded(
                "accounts:\n  - {sid: !!str 1, user-id: !!int 1, password: !!float 1.0}\n");
        assertEquals(PasswordHashes.of("1", "1.0").credentials(), directory.bySid("1").orElseThrow().credentials());
    }

    @Test
    void acceptsAnchorsReusedByLaterEntries() {
        String yaml = """
                accounts:
                  - sid: 1
                    user-id: 1
                    password: x
                    buddy-lists: &lists [{id: 1, name: Friends}, {id: 2, name: Work}]
                    buddies: [{sid: 2, lists: &both [1, 2]}]
                  - sid: 2
                    user-id: 2
                    password: y
                    buddy-lists: *lists
                    buddies: [{sid: 1, lists: *both}]
                """;
        Account second = loaded(yaml).bySid("2").orElseThrow();
        assertEquals(List.of(new BuddyList(1, "Friends"), new BuddyList(2, "Work")), second.buddyLists());
        assertEquals(List.of(1, 2), second.buddies().get(0).listIds());
    }

    @Test
    void refusesAliasesToUnknownOrUnfinishedNodes() {
        assertEquals(List.of("accounts.yaml line 4: alias *nowhere names no complete node"),
                errors("accounts:\n  - sid: 1\n    user-id: 1\n    password: *nowhere\n"));
        assertEquals(List.of("accounts.yaml line 1: alias *self names no complete node"),
                errors("accounts: &self [*self]\n"));
    }

    @Test
    void refusesMoreAliasesThanAnyAccountsFileNeeds() {
        StringBuilder yaml = new StringBuilder("accounts:\n  - sid: 1\n    user-id: 1\n    password: &p x\n");
        for (int i = 2; i <= YamlNodeStream.MAX_ALIASES + 2; i++) {
            yaml.append("  - {sid: ").append(i).append(", user-id: ").append(i).append(", password: *p}\n");
        }
        List<String> errors = errors(yaml.toString());
        assertEquals("accounts.yaml line 55: more than 50 aliases", errors.get(errors.size() - 1));
    }

    @Test
    void reportsAProblemFoundAfterReadingAtTheLineOfItsField() {
        String yaml = ALICE + BOB + "    buddies:\n      - {sid: 916000001, lists: [3]}\n";
        assertEquals(List.of("accounts.yaml line 14: accounts[1].buddies[0].lists[0]: no buddy list with id 3 in "
                + "this account"), errors(yaml));
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        List<String> errors = errors("accounts:\n  - sid: 1\n    user-id: [1\n    password: x\n");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("accounts.yaml line 4: YAML syntax: "), errors.get(0));
    }

    @Test
    void rejectsFilesWithoutAnAccountsList() {
        assertEquals(List.of("accounts.yaml: empty file, expected 'accounts:'"), errors(""));
        assertEquals(List.of("accounts.yaml line 1: missing 'accounts:'"), errors("accounts: ~\n"));
        assertEquals(List.of("accounts.yaml line 1: expected a mapping, got a list"), errors("- sid: 1\n"));
        assertEquals(List.of("accounts.yaml line 1: users: unknown field (expected one of accounts)",
                "accounts.yaml line 1: missing 'accounts:'"), errors("users: []\n"));
        assertEquals(List.of("accounts.yaml line 2: users: unknown field (expected one of accounts)",
                "accounts.yaml line 3: accounts: field given twice"), errors("accounts: []\nusers: 1\naccounts: []\n"));
        assertEquals(List.of("accounts.yaml line 2: expected one YAML document, found another"),
                errors("accounts: []\n---\naccounts: []\n"));
        assertEquals(List.of("accounts.yaml line 1: accounts: expected a list, got a mapping"),
                errors("accounts: {sid: 1}\n"));
        assertEquals(0, loaded("accounts: []\n").size());
    }

    @Test
    void reportsAnUnreadableFileAsAFailedLoad(@TempDir Path dir) {
        LoadResult result = loader.load(dir.resolve("missing.yaml"));
        LoadError error = assertInstanceOf(LoadResult.Failed.class, result).errors().get(0);
        assertEquals("missing.yaml", error.source());
        assertEquals(0, error.line());
        assertTrue(error.message().startsWith("cannot read"), error.message());
    }

    @Test
    void listsTheFirstFiftyErrorsAndCountsTheRest() {
        StringBuilder yaml = new StringBuilder("accounts:\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("  - {sid: x").append(i).append(", user-id: ").append(i + 1).append(", password: p}\n");
        }
        LoadResult.Failed failed = assertInstanceOf(LoadResult.Failed.class, load(yaml.toString()));
        assertEquals(AccountDirectoryLoader.MAX_ERRORS, failed.errors().size());
        assertEquals(60, failed.total());
        assertTrue(failed.describe().endsWith("... and 10 more\n"), failed.describe());
    }

    private LoadResult load(String yaml) {
        return loader.load("accounts.yaml", new StringReader(yaml));
    }

    private AccountDirectory loaded(String yaml) {
        LoadResult result = load(yaml);
        if (result instanceof LoadResult.Failed failed) {
            throw new AssertionError(failed.describe());
        }
        return ((LoadResult.Loaded) result).directory();
    }

    private List<String> errors(String yaml) {
        return assertInstanceOf(LoadResult.Failed.class, load(yaml)).errors().stream().map(LoadError::toString)
                .toList();
    }
}
