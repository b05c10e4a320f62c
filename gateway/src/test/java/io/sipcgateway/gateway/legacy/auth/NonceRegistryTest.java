package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.FakeTicker;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonceRegistryTest {
    private final FakeTicker ticker = new FakeTicker();
    private final NonceRegistry registry = TestRegistries.registry(ticker);

    @Test
    void issuesThirtyTwoUpperCaseHexDigitsLikeTheSamples() {
        String nonce = registry.issue("916000001");
        assertTrue(nonce.matches("[0-9A-F]{32}"), nonce);
        assertTrue(Sample.load("02-register-v4-401-challenge").header("W").orElseThrow()
                .matches(".*nonce=\"[0-9A-F]{32}\".*"));
    }

    @Test
    void issuesDistinctNonces() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(registry.issue("916000001")));
        }
    }

    @Test
    void acceptsANonceOnceForTheSidItWasIssuedTo() {
        String nonce = registry.issue("916000001");
        assertEquals(NonceRegistry.Redemption.ACCEPTED, registry.redeem(nonce, "916000001"));
        assertEquals(NonceRegistry.Redemption.UNKNOWN, registry.redeem(nonce, "916000001"));
    }

    @Test
    void neverAcceptsANonceItDidNotIssue() {
        registry.issue("916000001");
        assertEquals(NonceRegistry.Redemption.UNKNOWN, registry.redeem("00000000000000000000000000000000",
                "916000001"));
    }

    @Test
    void usesUpANoncePresentedForAnotherSid() {
        String nonce = registry.issue("916000001");
        assertEquals(NonceRegistry.Redemption.OTHER_ACCOUNT, registry.redeem(nonce, "916000002"));
        assertEquals(NonceRegistry.Redemption.UNKNOWN, registry.redeem(nonce, "916000001"));
    }

    @Test
    void acceptsANonceUntilItsLifetimeEnds() {
        String nonce = registry.issue("916000001");
        ticker.advance(NonceRegistryConfig.DEFAULT_TTL.minusNanos(1));
        assertEquals(NonceRegistry.Redemption.ACCEPTED, registry.redeem(nonce, "916000001"));
    }

    @Test
    void expiresANonceAtTheEndOfItsLifetime() {
        String nonce = registry.issue("916000001");
        ticker.advance(NonceRegistryConfig.DEFAULT_TTL);
        assertEquals(NonceRegistry.Redemption.UNKNOWN, registry.redeem(nonce, "916000001"));
    }

    @Test
    void dropsExpiredNoncesFromMemory() {
        registry.issue("916000001");
        registry.issue("916000002");
        assertEquals(2, registry.size());
        ticker.advance(NonceRegistryConfig.DEFAULT_TTL.plus(Duration.ofSeconds(1)));
        assertEquals(0, registry.size());
    }

    @Test
    void keepsNoMoreThanTheMaximumSize() {
        NonceRegistry small = new NonceRegistry(new NonceRegistryConfig(Duration.ofMinutes(1), 10),
                TestRegistries.seededRandom(1), ticker, Runnable::run);
        for (int i = 0; i < 100; i++) {
            small.issue("916000001");
        }
        assertTrue(small.size() <= 10, "size " + small.size());
    }

    @Test
    void drawsNoncesFromTheInjectedRandom() {
        NonceRegistry a = new NonceRegistry(NonceRegistryConfig.DEFAULT, TestRegistries.seededRandom(3), ticker,
                Runnable::run);
        NonceRegistry b = new NonceRegistry(NonceRegistryConfig.DEFAULT, TestRegistries.seededRandom(3), ticker,
                Runnable::run);
        NonceRegistry c = new NonceRegistry(NonceRegistryConfig.DEFAULT, TestRegistries.seededRandom(4), ticker,
                Runnable::run);
        String first = a.issue("916000001");
        assertEquals(first, b.issue("916000001"));
        assertNotEquals(first, c.issue("916000001"));
    }
}
