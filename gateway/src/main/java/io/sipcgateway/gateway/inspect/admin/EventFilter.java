package io.sipcgateway.gateway.inspect.admin;

import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.TranslationEvent.Outcome.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ?user=&method=&outcome=} filter of {@code /events} and {@code /api/events}. Absent or empty means
 * "any". {@code method} matches the SIP-C or any SIP method, case-insensitively, so {@code SUB} and
 * {@code SUBSCRIBE} both find a presence subscription; {@code outcome} is a {@link Kind} name in any case
 * ({@code one-way} too).
 */
record EventFilter(Optional<String> user, Optional<String> method, Optional<Kind> outcome) {
    static final EventFilter ANY = new EventFilter(Optional.empty(), Optional.empty(), Optional.empty());

    /** Reads the filter from query parameters; an unknown outcome is the caller's error, so it throws. */
    static EventFilter parse(Map<String, List<String>> parameters) {
        Optional<String> outcomeText = first(parameters, "outcome");
        Optional<Kind> outcome;
        try {
            outcome = outcomeText.map(o -> Kind.valueOf(o.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome must be one of " + List.of(Kind.values()) + ", not '"
                    + outcomeText.get() + "'", e);
        }
        return new EventFilter(first(parameters, "user"), first(parameters, "method"), outcome);
    }

    boolean matches(TranslationEvent event) {
        if (user.isPresent() && !user.equals(event.user())) {
            return false;
        }
        if (outcome.isPresent() && outcome.get() != event.outcome().kind()) {
            return false;
        }
        if (method.isPresent()) {
            String wanted = method.get();
            return PairSummary.sipcMethod(event).equalsIgnoreCase(wanted)
                    || PairSummary.sipMethods(event).stream().anyMatch(wanted::equalsIgnoreCase);
        }
        return true;
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty())
                .findFirst();
    }
}
