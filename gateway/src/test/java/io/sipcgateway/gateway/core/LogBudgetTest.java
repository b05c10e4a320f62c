package io.sipcgateway.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogBudgetTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final LogBudget budget = new LogBudget(2, now::get);

    @Test
    void writesTheBudgetPerSecondThenReportsHowManyItLeftOut() {
        assertEquals(0, budget.take());
        assertEquals(0, budget.take());
        assertEquals(-1, budget.take(), "third line in the same second");
        assertEquals(-1, budget.take());
        now.addAndGet(1_000_000_000L);
        assertEquals(2, budget.take(), "the first line of the next second says two were left out");
        assertEquals(0, budget.take());
        assertEquals(-1, budget.take());
    }

    @Test
    void aBudgetBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LogBudget(0));
    }
}
