package io.sipcgateway.gateway.core.embedded;

import java.util.List;

/** What a REGISTER did to an AOR's bindings: the new full set, or the error to answer with (nothing changed). */
sealed interface RegisterOutcome {
    record Accepted(List<Binding> bindings) implements RegisterOutcome {
        public Accepted {
            bindings = List.copyOf(bindings);
        }
    }

    record Rejected(int status, String reason) implements RegisterOutcome {
    }
}
