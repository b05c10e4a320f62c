package io.sipcgateway.gateway.core.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.FakeTicker;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sip.ServerTransaction;

import org.junit.jupiter.api.Test;

/** Choosing the response a forked MESSAGE returns (RFC 3261 16.7) and answering each relay exactly once. */
class RelayTest {
    private static final ServerTransaction ST = (ServerTransaction) Proxy.newProxyInstance(
            RelayTest.class.getClassLoader(), new Class<?>[] {ServerTransaction.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    private final FakeTicker ticker = new FakeTicker();

    @Test
    void aSuccessBeatsEverythingElse() {
        Relay relay = relay(3).with(outcome(0, 486)).with(outcome(1, 603)).with(outcome(2, 200));
        assertEquals(200, relay.best().status());
        assertTrue(relay.succeeded());
    }

    @Test
    void aGlobalFailureBeatsLowerClasses() {
        Relay relay = relay(2).with(outcome(0, 404)).with(outcome(1, 603));
        assertEquals(603, relay.best().status());
    }

    @Test
    void otherwiseTheLowestClassWinsFirstArrivedFirst() {
        Relay relay = relay(3).with(outcome(0, 503)).with(outcome(1, 486)).with(outcome(2, 404));
        assertEquals(486, relay.best().status());
        assertTrue(relay.complete());
    }

    @Test
    void aSilentBranchCountsAs408AndABranchEndsOnce() {
        Relay relay = relay(2).with(outcome(0, 500)).with(outcome(0, 200));
        assertEquals(1, relay.outcomes().size());
        assertEquals(408, relay.best().status());
    }

    @Test
    void anExpiredRelayIsAnsweredOnceAndThenCannotBeFinished() {
        List<Relay> answered = new ArrayList<>();
        RelayRegistry registry = new RelayRegistry(10, RegistryTiming.manual(ticker), answered::add);
        registry.put(new Relay("r1", ST, 1, List.of(), ticker.read() + Duration.ofSeconds(5).toNanos()));
        ticker.advance(Duration.ofSeconds(6));
        registry.cleanUp();
        assertEquals(1, answered.size());
        assertSame(ST, answered.get(0).serverTransaction());
        assertTrue(registry.finish("r1").isEmpty());
        assertTrue(registry.record("r1", outcome(0, 200)).isEmpty(), "a late response finds nothing");
    }

    @Test
    void aFinishedRelayIsNotAnsweredAgainOnExpiry() {
        List<Relay> answered = new ArrayList<>();
        RelayRegistry registry = new RelayRegistry(10, RegistryTiming.manual(ticker), answered::add);
        registry.put(new Relay("r1", ST, 1, List.of(), ticker.read() + Duration.ofSeconds(5).toNanos()));
        assertTrue(registry.record("r1", outcome(0, 200)).orElseThrow().complete());
        assertTrue(registry.finish("r1").isPresent());
        ticker.advance(Duration.ofSeconds(6));
        registry.cleanUp();
        assertEquals(List.of(), answered);
    }

    private Relay relay(int branches) {
        return new Relay("r", ST, branches, List.of(), ticker.read() + Duration.ofSeconds(5).toNanos());
    }

    private static Relay.Outcome outcome(int branch, int status) {
        return new Relay.Outcome(branch, status, null);
    }
}
