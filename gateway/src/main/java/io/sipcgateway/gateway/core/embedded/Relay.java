package io.sipcgateway.gateway.core.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sip.ServerTransaction;
import javax.sip.message.Response;

/**
 * A MESSAGE being relayed (RFC 3261 16, stateful): the caller's server transaction, how many contacts it was
 * forked to and the final outcome of each so far. Immutable; every outcome makes a new value.
 *
 * @param id ours, also inside each branch's Via branch parameter
 * @param serverTransaction where the caller waits for its final response
 * @param branches contacts the MESSAGE was sent to
 * @param outcomes final outcomes in arrival order, at most one per branch
 * @param expiresAtNanos when the caller gets {@code 408} for the branches still silent
 */
record Relay(String id, ServerTransaction serverTransaction, int branches, List<Outcome> outcomes,
        long expiresAtNanos) implements Expiring {
    Relay {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serverTransaction, "serverTransaction");
        outcomes = List.copyOf(outcomes);
    }

    /**
     * A branch's final outcome: the callee's response, or one the core made up ({@code response} null) for a
     * timeout (408) or an unreachable contact (480).
     */
    record Outcome(int branch, int status, Response response) {
    }

    Relay with(Outcome outcome) {
        if (outcomes.stream().anyMatch(o -> o.branch() == outcome.branch())) {
            return this; // a branch ends once (a late 408 after a real response, say)
        }
        List<Outcome> more = new ArrayList<>(outcomes);
        more.add(outcome);
        return new Relay(id, serverTransaction, branches, more, expiresAtNanos);
    }

    boolean complete() {
        return outcomes.size() >= branches;
    }

    boolean succeeded() {
        return outcomes.stream().anyMatch(o -> o.status() / 100 == 2);
    }

    /**
     * RFC 3261 16.7 step 6: a 2xx if any, else a 6xx, else the lowest class, the first of it to arrive; a branch
     * that never answered counts as 408.
     */
    Outcome best() {
        List<Outcome> all = new ArrayList<>(outcomes);
        for (int branch = 0; branch < branches; branch++) {
            int b = branch;
            if (all.stream().noneMatch(o -> o.branch() == b)) {
                all.add(new Outcome(b, Response.REQUEST_TIMEOUT, null));
            }
        }
        Optional<Outcome> success = all.stream().filter(o -> o.status() / 100 == 2).findFirst();
        Optional<Outcome> global = all.stream().filter(o -> o.status() / 100 == 6).findFirst();
        return success.or(() -> global)
                .orElseGet(() -> all.stream().min(Comparator.comparingInt(o -> o.status() / 100)).orElseThrow());
    }
}
