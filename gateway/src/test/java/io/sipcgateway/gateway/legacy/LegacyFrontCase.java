package io.sipcgateway.gateway.legacy;

import io.sipcgateway.gateway.legacy.auth.V4KeyPair;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every real-TCP test of the legacy front shares: one RSA key per class (generating it is the slow part), a
 * {@link LegacyFront} started with the settings the test asks for, and its clients, all closed after each test.
 */
abstract class LegacyFrontCase {
    private static V4KeyPair keys;

    LegacyFront front;
    Clients clients;

    @BeforeAll
    static void generateKeyOnce() {
        keys = V4KeyPair.generate(new SecureRandom());
    }

    void startFront(LegacyFront.Settings settings) throws InterruptedException {
        front = LegacyFront.start(keys, settings);
        clients = new Clients(front);
    }

    @AfterEach
    void stopFront() {
        if (clients != null) {
            clients.close();
        }
        if (front != null) {
            front.close();
        }
    }
}
