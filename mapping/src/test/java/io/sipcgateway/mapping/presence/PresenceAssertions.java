package io.sipcgateway.mapping.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;

/** Shared helpers for the presence tests. */
final class PresenceAssertions {
    private PresenceAssertions() {
    }

    static <T> T ok(BodyResult<T> result) {
        BodyResult.Ok<?> ok = assertInstanceOf(BodyResult.Ok.class, result, result::toString);
        @SuppressWarnings("unchecked")
        T value = (T) ok.value();
        return value;
    }

    static BodyResult.Rejected<?> rejected(Problem expected, BodyResult<?> result) {
        BodyResult.Rejected<?> rejected = assertInstanceOf(BodyResult.Rejected.class, result, result::toString);
        assertEquals(expected, rejected.problem(), rejected.detail());
        return rejected;
    }

    static Presence presence(Basic basic, Activity activity, String note, String displayName) {
        return new Presence(basic, activity, Optional.ofNullable(note), Optional.ofNullable(displayName));
    }

    /**
     * Every presence the model can hold: each basic/activity pair (OPEN/INVISIBLE cannot be built) with and
     * without a note and display name, the note using characters that need escaping.
     */
    static List<Presence> everyPresence() {
        List<Presence> all = new ArrayList<>();
        String[] notes = {null, "今天天气不错 <b> & \"quotes\" 'single'"};
        String[] names = {null, "小明"};
        for (Basic basic : Basic.values()) {
            for (Activity activity : Activity.values()) {
                if (basic == Basic.OPEN && activity == Activity.INVISIBLE) {
                    continue;
                }
                for (String note : notes) {
                    for (String name : names) {
                        all.add(presence(basic, activity, note, name));
                    }
                }
            }
        }
        return all;
    }
}
