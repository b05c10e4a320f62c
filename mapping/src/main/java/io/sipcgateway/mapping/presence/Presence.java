package io.sipcgateway.mapping.presence;

import java.util.Objects;
import java.util.Optional;

/**
 * The neutral presence model that every presence body is read into and written from (STYLE 5.7:
 * {@code SipcPresenceArgs ⇄ Presence ⇄ Pidf}, never XML to XML).
 *
 * <p>An empty or blank note or display name is normalised to absent, because every format here writes "no
 * impresa" as an empty attribute ({@code i=""}, {@code impresa=""}). {@link Activity#INVISIBLE} with
 * {@link Basic#OPEN} is a contradiction and refused at construction (a programming error, not bad input).
 *
 * @param basic reachable or not
 * @param activity what the user is doing
 * @param note free text shown next to the user: the SIP-C impresa (mood), the PIDF {@code <note>}
 * @param displayName the SIP-C nickname, the CIPID {@code <display-name>} (RFC 4482)
 */
public record Presence(Basic basic, Activity activity, Optional<String> note, Optional<String> displayName) {

    public Presence {
        Objects.requireNonNull(basic, "basic");
        Objects.requireNonNull(activity, "activity");
        note = Objects.requireNonNull(note, "note").filter(s -> !s.isBlank());
        displayName = Objects.requireNonNull(displayName, "displayName").filter(s -> !s.isBlank());
        if (activity == Activity.INVISIBLE && basic == Basic.OPEN) {
            throw new IllegalArgumentException("INVISIBLE is always CLOSED");
        }
    }

    /** A presence with no note and no display name. */
    public static Presence of(Basic basic, Activity activity) {
        return new Presence(basic, activity, Optional.empty(), Optional.empty());
    }

    public Presence withNote(Optional<String> newNote) {
        return new Presence(basic, activity, newNote, displayName);
    }

    public Presence withDisplayName(Optional<String> newDisplayName) {
        return new Presence(basic, activity, note, newDisplayName);
    }

    public Presence withState(Basic newBasic, Activity newActivity) {
        return new Presence(newBasic, newActivity, note, displayName);
    }

    public boolean isOpen() {
        return basic == Basic.OPEN;
    }
}
