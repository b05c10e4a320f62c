package io.sipcgateway.mapping.table;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.sipcgateway.mapping.presence.Activity;
import io.sipcgateway.mapping.presence.Basic;
import io.sipcgateway.mapping.presence.Presence;

/**
 * The SIP-C presence codes ({@code <basic value>}, v4 {@code pr b}), one row per code, read in both directions
 * (reference section 5.3; STYLE 5.7). {@link #forCode} reads SIP-C; {@link #forPresence} writes it, choosing the
 * row marked {@link Reverse#PREFERRED} for a (basic, activity) pair.
 *
 * <ul>
 *   <li><b>150 and 500.</b> Sources disagree: the closed official-partner libfetion (SIP-C/2.0 era) and the pidgin
 *       plugin say 150 = out to lunch, 500 = on the phone; libofetion and Bressein say the opposite. No server
 *       capture settles it. Both codes are accepted and we follow the SIP-C/2.0-era libfetion mapping in both
 *       directions: 150 ⇄ {@link Activity#MEAL}, 500 ⇄ {@link Activity#ON_THE_PHONE}.</li>
 *   <li><b>499</b> ("robot", MapleFetion {@code Presence.ROBOT}) reads as online; online is written as 400.</li>
 *   <li><b>0</b> received means offline <em>or</em> invisible (the server does not tell), so it reads as
 *       {@code CLOSED/NONE}; every closed presence is written as 0. {@code SipcPresenceArgs} reads a 0 that the
 *       user <em>sends</em> as {@link Activity#INVISIBLE} (section 5.3: "sent = hidden").</li>
 *   <li>An activity without a row of its own falls back to the {@code NONE} row of its basic, so {@code forPresence}
 *       is total: {@code CLOSED/AWAY} and {@code CLOSED/INVISIBLE} write 0.</li>
 *   <li><b>Unknown codes</b> (899 "invisible" and 1 "SMS online" from one source comment, -1, anything else):
 *       {@link #forCode} is empty and the readers reject the body as {@code UNSUPPORTED} naming the code. Reading
 *       them as online would publish a user who meant to hide (899) as available to every watcher.</li>
 * </ul>
 *
 * <p>The index maps are built once from {@link #values()}; a duplicate code, two preferred rows for one pair, or a
 * basic without a {@code NONE} row fails class initialisation.
 */
public enum PresenceRule {
    ONLINE(400, Basic.OPEN, Activity.NONE, Reverse.PREFERRED),
    AWAY(100, Basic.OPEN, Activity.AWAY, Reverse.PREFERRED),
    BE_RIGHT_BACK(300, Basic.OPEN, Activity.BE_RIGHT_BACK, Reverse.PREFERRED),
    BUSY(600, Basic.OPEN, Activity.BUSY, Reverse.PREFERRED),
    DO_NOT_DISTURB(800, Basic.OPEN, Activity.DO_NOT_DISTURB, Reverse.PREFERRED),
    MEETING(850, Basic.OPEN, Activity.MEETING, Reverse.PREFERRED),
    /** 外出用餐 per libfetion and the pidgin plugin ({@code OutToLunch = 150}); libofetion says on the phone. */
    OUT_TO_LUNCH(150, Basic.OPEN, Activity.MEAL, Reverse.PREFERRED),
    /** 电话中 per libfetion and the pidgin plugin; libofetion ({@code P_ONTHEPHONE = 150}) says out to lunch. */
    ON_THE_PHONE(500, Basic.OPEN, Activity.ON_THE_PHONE, Reverse.PREFERRED),
    /** Automatic/robot login; shown as online and never written (online is 400). */
    ROBOT(499, Basic.OPEN, Activity.NONE, Reverse.ONE_WAY),
    /** Offline or invisible: what the server sends for both, and what a client sends to hide. */
    OFFLINE_OR_HIDDEN(0, Basic.CLOSED, Activity.NONE, Reverse.PREFERRED);

    /** Whether {@link #forPresence} may return a row. */
    public enum Reverse {
        /** The code written for the row's (basic, activity). */
        PREFERRED,
        /** Read only: another row is written for the same pair. */
        ONE_WAY
    }

    private static final Map<Integer, PresenceRule> BY_CODE = indexByCode();
    private static final Map<Basic, Map<Activity, PresenceRule>> BY_PRESENCE = indexByPresence();

    private final int code;
    private final Basic basic;
    private final Activity activity;
    private final Reverse reverse;

    PresenceRule(int code, Basic basic, Activity activity, Reverse reverse) {
        this.code = code;
        this.basic = basic;
        this.activity = activity;
        this.reverse = reverse;
    }

    public int code() {
        return code;
    }

    public Basic basic() {
        return basic;
    }

    public Activity activity() {
        return activity;
    }

    public Reverse reverse() {
        return reverse;
    }

    /** The row's state as a presence without note or display name. */
    public Presence presence() {
        return Presence.of(basic, activity);
    }

    /** The row for a SIP-C code; empty for a code not in the table (see the class comment for what callers do). */
    public static Optional<PresenceRule> forCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The preferred row for writing {@code basic}/{@code activity}; total, see the fallback rule above. */
    public static PresenceRule forPresence(Basic basic, Activity activity) {
        Map<Activity, PresenceRule> rows = BY_PRESENCE.get(basic);
        PresenceRule exact = rows.get(activity);
        return exact != null ? exact : rows.get(Activity.NONE);
    }

    /** Shorthand for {@code forPresence(p.basic(), p.activity())}. */
    public static PresenceRule forPresence(Presence presence) {
        return forPresence(presence.basic(), presence.activity());
    }

    private static Map<Integer, PresenceRule> indexByCode() {
        Map<Integer, PresenceRule> index = new HashMap<>();
        for (PresenceRule rule : values()) {
            PresenceRule previous = index.put(rule.code, rule);
            if (previous != null) {
                throw new IllegalStateException("presence code " + rule.code + " in " + previous + " and " + rule);
            }
        }
        return Map.copyOf(index);
    }

    private static Map<Basic, Map<Activity, PresenceRule>> indexByPresence() {
        Map<Basic, Map<Activity, PresenceRule>> index = new EnumMap<>(Basic.class);
        for (Basic b : Basic.values()) {
            index.put(b, new EnumMap<>(Activity.class));
        }
        for (PresenceRule rule : values()) {
            if (rule.reverse == Reverse.PREFERRED) {
                PresenceRule previous = index.get(rule.basic).put(rule.activity, rule);
                if (previous != null) {
                    throw new IllegalStateException(rule.basic + "/" + rule.activity + " preferred by both "
                            + previous + " and " + rule);
                }
            }
        }
        for (PresenceRule rule : values()) {
            if (!index.get(rule.basic).containsKey(rule.activity)) {
                throw new IllegalStateException("no preferred row for " + rule.basic + "/" + rule.activity);
            }
        }
        for (Basic b : Basic.values()) {
            if (!index.get(b).containsKey(Activity.NONE)) {
                throw new IllegalStateException("no preferred " + b + "/NONE row to fall back to");
            }
        }
        return index;
    }
}
