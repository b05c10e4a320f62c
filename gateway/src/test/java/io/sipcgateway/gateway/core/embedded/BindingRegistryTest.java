package io.sipcgateway.gateway.core.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The location service on a fake Caffeine ticker: add, refresh, remove, expiry, bounds. */
class BindingRegistryTest {
    private static final Aor ALICE = new Aor("alice", "example.test");

    private final FakeTicker ticker = new FakeTicker();
    private final BindingRegistry registry = new BindingRegistry(100, RegistryTiming.manual(ticker));

    @Test
    void addsABindingAndFindsItByAor() {
        registry.update(ALICE, current -> accept(current, binding("sip:alice@10.0.0.1:5060", 1, 60)));
        assertEquals(List.of("sip:alice@10.0.0.1:5060"), contacts(registry.lookup(ALICE)));
        assertEquals(List.of(), registry.lookup(new Aor("bob", "example.test")));
    }

    @Test
    void refreshMovesTheDeadline() {
        registry.update(ALICE, current -> accept(current, binding("sip:alice@10.0.0.1", 1, 60)));
        ticker.advance(Duration.ofSeconds(50));
        registry.update(ALICE, current -> new RegisterOutcome.Accepted(
                List.of(binding("sip:alice@10.0.0.1", 2, 60))));
        ticker.advance(Duration.ofSeconds(50));
        registry.cleanUp();
        assertEquals(List.of("sip:alice@10.0.0.1"), contacts(registry.lookup(ALICE)));
        assertEquals(2, registry.lookup(ALICE).get(0).cseq());
    }

    @Test
    void anEmptySetRemovesTheAor() {
        registry.update(ALICE, current -> accept(current, binding("sip:alice@10.0.0.1", 1, 60)));
        registry.update(ALICE, current -> new RegisterOutcome.Accepted(List.of()));
        registry.cleanUp();
        assertEquals(List.of(), registry.lookup(ALICE));
        assertEquals(0, registry.aorCount());
    }

    @Test
    void aBindingExpiresWhenTheTickerPassesItsDeadline() {
        registry.update(ALICE, current -> accept(current, binding("sip:alice@10.0.0.1", 1, 60)));
        ticker.advance(Duration.ofSeconds(59));
        assertEquals(1, registry.lookup(ALICE).size());
        assertEquals(1, registry.lookup(ALICE).get(0).remainingSeconds(ticker.read()));
        ticker.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), registry.lookup(ALICE));
        registry.cleanUp();
        assertEquals(0, registry.aorCount());
    }

    @Test
    void anExpiredBindingIsHiddenWhileAnotherOneLives() {
        registry.update(ALICE, current -> accept(current, binding("sip:alice@phone", 1, 30)));
        registry.update(ALICE, current -> accept(current, binding("sip:alice@desk", 1, 300)));
        ticker.advance(Duration.ofSeconds(31));
        registry.cleanUp();
        assertEquals(List.of("sip:alice@desk"), contacts(registry.lookup(ALICE)));
        // the next write sees only the live one
        registry.update(ALICE, current -> {
            assertEquals(1, current.size());
            return new RegisterOutcome.Accepted(current);
        });
    }

    @Test
    void aRejectedUpdateChangesNothing() {
        registry.update(ALICE, current -> accept(current, binding("sip:alice@10.0.0.1", 5, 60)));
        RegisterOutcome outcome = registry.update(ALICE,
                current -> new RegisterOutcome.Rejected(500, "Out of order REGISTER"));
        assertInstanceOf(RegisterOutcome.Rejected.class, outcome);
        assertEquals(5, registry.lookup(ALICE).get(0).cseq());
    }

    @Test
    void theNumberOfAorsIsBounded() {
        BindingRegistry small = new BindingRegistry(3, RegistryTiming.manual(ticker));
        for (int i = 0; i < 20; i++) {
            Aor aor = new Aor("user" + i, "example.test");
            small.update(aor, current -> accept(current, binding("sip:u@10.0.0.1", 1, 600)));
        }
        small.cleanUp();
        assertTrue(small.aorCount() <= 3, "aors=" + small.aorCount());
    }

    private Binding binding(String contact, long cseq, long seconds) {
        return new Binding(contact, "", List.of(), "call-1", cseq,
                ticker.read() + Duration.ofSeconds(seconds).toNanos());
    }

    private static RegisterOutcome accept(List<Binding> current, Binding added) {
        List<Binding> next = new ArrayList<>(current);
        next.add(added);
        return new RegisterOutcome.Accepted(next);
    }

    private static List<String> contacts(List<Binding> bindings) {
        return bindings.stream().map(Binding::contactUri).toList();
    }
}
