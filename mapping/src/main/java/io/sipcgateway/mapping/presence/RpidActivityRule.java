package io.sipcgateway.mapping.presence;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RPID activities (RFC 4480 section 3.2) ⇄ {@link Activity}, one table read both ways (STYLE 5.7). Rows are in
 * read precedence: the first row whose element (or {@code <rpid:other>} token) is present wins.
 *
 * <p>RPID has no "be right back" or "do not disturb". Those two are written as the nearest standard activity plus
 * an {@code <rpid:other>} token ({@code <rpid:away/><rpid:other>be-right-back</rpid:other>}, {@code <rpid:busy/>
 * <rpid:other>do-not-disturb</rpid:other>}): a UA that ignores {@code other} still shows away/busy, and our reader
 * gets the exact activity back because token rows come first. Rows marked one-way are synonyms we only read.
 */
enum RpidActivityRule {
    BE_RIGHT_BACK(Activity.BE_RIGHT_BACK, "away", "be-right-back", true),
    DO_NOT_DISTURB(Activity.DO_NOT_DISTURB, "busy", "do-not-disturb", true),
    ON_THE_PHONE(Activity.ON_THE_PHONE, "on-the-phone", null, true),
    MEETING(Activity.MEETING, "meeting", null, true),
    MEAL(Activity.MEAL, "meal", null, true),
    BUSY(Activity.BUSY, "busy", null, true),
    AWAY(Activity.AWAY, "away", null, true),
    BREAKFAST(Activity.MEAL, "breakfast", null, false),
    DINNER(Activity.MEAL, "dinner", null, false),
    APPOINTMENT(Activity.MEETING, "appointment", null, false),
    PRESENTATION(Activity.MEETING, "presentation", null, false),
    VACATION(Activity.AWAY, "vacation", null, false),
    HOLIDAY(Activity.AWAY, "holiday", null, false),
    TRAVEL(Activity.AWAY, "travel", null, false),
    PERMANENT_ABSENCE(Activity.AWAY, "permanent-absence", null, false),
    SLEEPING(Activity.AWAY, "sleeping", null, false);

    private static final Map<Activity, RpidActivityRule> WRITTEN = indexWritten();

    private final Activity activity;
    private final String element;
    private final String otherToken;
    private final boolean preferred;

    RpidActivityRule(Activity activity, String element, String otherToken, boolean preferred) {
        this.activity = activity;
        this.element = element;
        this.otherToken = otherToken;
        this.preferred = preferred;
    }

    Activity activity() {
        return activity;
    }

    /** The RPID element name written (and, for a row without a token, looked for). */
    String element() {
        return element;
    }

    /** The {@code <rpid:other>} text written and looked for, if the row has one. */
    Optional<String> otherToken() {
        return Optional.ofNullable(otherToken);
    }

    /** The row to write for {@code activity}; empty for NONE and INVISIBLE, which write no activity. */
    static Optional<RpidActivityRule> forActivity(Activity activity) {
        return Optional.ofNullable(WRITTEN.get(activity));
    }

    /**
     * The activity named by the RPID element names and lower-cased {@code <rpid:other>} texts found in a document;
     * NONE if nothing known is there (including {@code <rpid:unknown/>}).
     */
    static Activity read(Set<String> elements, Set<String> otherTokens) {
        for (RpidActivityRule rule : values()) {
            boolean present = rule.otherToken != null
                    ? otherTokens.contains(rule.otherToken) : elements.contains(rule.element);
            if (present) {
                return rule.activity;
            }
        }
        return Activity.NONE;
    }

    private static Map<Activity, RpidActivityRule> indexWritten() {
        Map<Activity, RpidActivityRule> index = new EnumMap<>(Activity.class);
        for (RpidActivityRule rule : values()) {
            if (rule.preferred && index.put(rule.activity, rule) != null) {
                throw new IllegalStateException("two preferred RPID rows for " + rule.activity);
            }
        }
        for (Activity a : Activity.values()) {
            if (a != Activity.NONE && a != Activity.INVISIBLE && !index.containsKey(a)) {
                throw new IllegalStateException("no RPID row writes " + a);
            }
        }
        return index;
    }
}
