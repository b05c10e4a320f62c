package io.sipcgateway.gateway.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadConfigTest {
    private static LoadConfig config(int sessions, double v2Share, Duration duration, Duration warmup) {
        return new LoadConfig("127.0.0.1", 8080, sessions, 0, 100, v2Share, 10, 0, duration, warmup, Duration.ZERO,
                false, false, Duration.ofSeconds(5), 4, 1, Optional.empty());
    }

    @Test
    void spreadsTheV2ShareEvenlyInsteadOfPuttingItFirst() {
        LoadConfig half = config(10, 0.5, Duration.ofSeconds(1), Duration.ZERO);
        assertEquals(5, IntStream.range(0, 10).filter(half::isV2).count());
        assertTrue(half.isV2(1) && !half.isV2(0) && !half.isV2(2) && half.isV2(3), "alternating");
        LoadConfig quarter = config(100, 0.25, Duration.ofSeconds(1), Duration.ZERO);
        assertEquals(25, IntStream.range(0, 100).filter(quarter::isV2).count());
        assertEquals(4, IntStream.range(0, 16).filter(quarter::isV2).count(), "a quarter of any prefix");
    }

    @Test
    void allV4AndAllV2AreBothPossible() {
        assertEquals(0, IntStream.range(0, 50).filter(config(50, 0, Duration.ZERO, Duration.ZERO)::isV2).count());
        assertEquals(50, IntStream.range(0, 50).filter(config(50, 1, Duration.ZERO, Duration.ZERO)::isV2).count());
    }

    @Test
    void rejectsAWarmupLongerThanTheRunAndASingleSession() {
        assertThrows(IllegalArgumentException.class, () -> config(10, 0.5, Duration.ofSeconds(2),
                Duration.ofSeconds(3)));
        assertThrows(IllegalArgumentException.class, () -> config(1, 0.5, Duration.ofSeconds(2), Duration.ZERO));
    }

    @Test
    void theSipPeerTakesItsShareOfAnyRunOfMessagesAndNeedsASipUri() {
        LoadConfig.SipPeer tenth = new LoadConfig.SipPeer("sip:sippuas@sipc.local", 0.1);
        assertEquals(100, LongStream.range(0, 1000).filter(tenth::takes).count());
        assertEquals(1, LongStream.range(0, 10).filter(tenth::takes).count(), "one in every ten, not all at the end");
        assertEquals(0, LongStream.range(0, 50).filter(new LoadConfig.SipPeer("sip:a@b", 0)::takes).count());
        assertThrows(IllegalArgumentException.class, () -> new LoadConfig.SipPeer("sippuas", 0.1));
        assertThrows(IllegalArgumentException.class, () -> new LoadConfig.SipPeer("sip:a@b", 1.5));
    }
}
