package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.FakeTicker;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Deterministic randomness and registries for tests. */
final class TestRegistries {
    private TestRegistries() {
    }

    /** A SHA1PRNG seeded before first use, so it is deterministic. */
    static SecureRandom seededRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static NonceRegistry registry(FakeTicker ticker) {
        return new NonceRegistry(NonceRegistryConfig.DEFAULT, seededRandom(7), ticker, Runnable::run);
    }

    /** One key for all v4 tests: generating RSA keys is slow. */
    static final V4KeyPair KEYS = V4KeyPair.generate(seededRandom(42));
}
