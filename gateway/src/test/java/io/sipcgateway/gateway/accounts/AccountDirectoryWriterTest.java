package io.sipcgateway.gateway.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountDirectoryWriterTest {
    @Test
    void generatedDirectoryLoadsBackEqual() {
        AccountDirectory generated = AccountDirectory.generate(2000, "example.test");
        assertEquals(generated.accounts(), reload(generated, "example.test").accounts());
    }

    @Test
    void demoLoadsBackEqualWithCoreAddressesAndCredentials() {
        AccountDirectory demo = AccountDirectory.demo();
        String yaml = AccountDirectoryWriter.toYaml(demo, "example.test");
        assertFalse(yaml.contains("alicepw\"\n    md5"), "no plain Fetion password is written");
        assertEquals(demo.accounts(), reload(demo, "example.test").accounts());
    }

    @Test
    void textNeedingQuotesLoadsBackUnchanged() {
        Account alice = AccountDirectory.demo().bySid("916000001").orElseThrow();
        Account odd = new Account("916000003", "300000003", Optional.empty(), "a: \"b\" \\ #c", "- 我 [x] {y}",
                alice.credentials(), List.of(new BuddyList(4, "yes")), List.of(new Buddy(new Buddy.Sid("916000001"),
                "~", List.of(4))), "sip:odd@other.test", Optional.of(new CoreCredentials("o", "p: #q")));
        AccountDirectory directory = AccountDirectory.of(List.of(alice, AccountDirectory.demo().bySid("916000002")
                .orElseThrow(), odd));
        assertEquals(directory.accounts(), reload(directory, "example.test").accounts());
    }

    private static AccountDirectory reload(AccountDirectory directory, String coreDomain) {
        String yaml = AccountDirectoryWriter.toYaml(directory, coreDomain);
        LoadResult result = new AccountDirectoryLoader(coreDomain).load("written.yaml", new StringReader(yaml));
        if (result instanceof LoadResult.Failed failed) {
            throw new AssertionError(failed.describe());
        }
        return assertInstanceOf(LoadResult.Loaded.class, result).directory();
    }
}
