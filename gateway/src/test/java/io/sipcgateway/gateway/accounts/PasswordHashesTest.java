package io.sipcgateway.gateway.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {
    /** Computed with Python hashlib from sections 7.1 and 7.2, for sid 916000001 and password alicepw. */
    private static final Credentials ALICE = new Credentials("8D980F265EAE066F8CF6C0DB239BEC47",
            "A5771E9D7527C46CFA8C3E1D16649757ADC4E3D8", "7C63607A5747553F29A3853E2BAA08700EBE26F9");

    @Test
    void computesTheThreeHashesOfIndependentlyComputedKnownAnswers() {
        assertEquals(ALICE, PasswordHashes.of("916000001", "alicepw").credentials());
    }

    @Test
    void onlyTheMd5SessKeyDependsOnTheSid() {
        Credentials other = PasswordHashes.of("916000002", "alicepw").credentials();
        assertNotEquals(ALICE.md5SessKey(), other.md5SessKey());
        assertEquals(ALICE.sha1Password(), other.sha1Password());
        assertEquals(ALICE.v4Digest(), other.v4Digest());
    }

    @Test
    void yamlLinesPastedIntoAnAccountLoadAsTheSameCredentials() {
        String yaml = "accounts:\n  - sid: 916000001\n    user-id: 300000001\n"
                + PasswordHashes.of("916000001", "alicepw").toYaml();
        LoadResult result = new AccountDirectoryLoader("example.test").load("accounts.yaml", new StringReader(yaml));
        Account alice = assertInstanceOf(LoadResult.Loaded.class, result).directory().accounts().get(0);
        assertEquals(ALICE, alice.credentials());
    }

    @Test
    void refusesAnEmptyPassword() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHashes.of("916000001", ""));
    }

    @Test
    void credentialsAcceptLowerCaseHexAndNeverPrintIt() {
        Credentials lower = new Credentials(ALICE.md5SessKey().toLowerCase(), ALICE.sha1Password().toLowerCase(),
                ALICE.v4Digest().toLowerCase());
        assertEquals(ALICE, lower);
        assertFalse(lower.toString().contains(ALICE.md5SessKey()));
        assertThrows(IllegalArgumentException.class, () -> new Credentials("00", ALICE.sha1Password(),
                ALICE.v4Digest()));
    }
}
