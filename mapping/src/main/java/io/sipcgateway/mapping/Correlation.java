package io.sipcgateway.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which legacy dialog ({@code I}) goes with which SIP dialog (Call-ID and tags), passed into every translation and
 * returned changed in {@link Translation.ToCore} / {@link Translation.ToLegacy}. One legacy {@code I} may own several
 * links: a {@code SUB} becomes one SUBSCRIBE dialog per buddy. Immutable; lookups are linear, which suits the few
 * dialogs of one connection. Expiry is the gateway's business (its registries), not mapping's.
 *
 * @param links every known link, oldest first
 */
public record Correlation(List<Link> links) {
    public static final Correlation EMPTY = new Correlation(List.of());

    public Correlation {
        links = List.copyOf(links);
    }

    /**
     * One SIP dialog (or page-mode Call-ID) of a legacy dialog.
     *
     * @param legacyCallId the legacy {@code I}
     * @param sipCallId the SIP Call-ID
     * @param localTag the gateway side's tag
     * @param remoteTag the core side's tag, once known (from a 2xx or a NOTIFY)
     * @param peer the core AOR of the other party, e.g. {@code sip:bob@sipc.local}
     */
    public record Link(String legacyCallId, String sipCallId, String localTag, Optional<String> remoteTag,
            String peer) {
        public Link {
            Objects.requireNonNull(legacyCallId, "legacyCallId");
            Objects.requireNonNull(sipCallId, "sipCallId");
            Objects.requireNonNull(localTag, "localTag");
            Objects.requireNonNull(remoteTag, "remoteTag");
            Objects.requireNonNull(peer, "peer");
        }

        public Link withRemoteTag(String tag) {
            return new Link(legacyCallId, sipCallId, localTag, Optional.of(tag), peer);
        }
    }

    /** Every link of a legacy {@code I}. */
    public List<Link> forLegacy(String legacyCallId) {
        return links.stream().filter(l -> l.legacyCallId.equals(legacyCallId)).toList();
    }

    /** The link of a legacy {@code I} toward one peer. */
    public Optional<Link> forLegacy(String legacyCallId, String peer) {
        return links.stream().filter(l -> l.legacyCallId.equals(legacyCallId) && l.peer.equals(peer)).findFirst();
    }

    /**
     * The link of a SIP Call-ID. Searched newest first: answers are to recent requests, and a user's list holds up
     * to a few hundred page-mode links (JFR: this scan was the top cost of the relay). {@link #with} keeps one link
     * per Call-ID, so the direction does not change the result.
     */
    public Optional<Link> forSip(String sipCallId) {
        for (int i = links.size() - 1; i >= 0; i--) {
            Link link = links.get(i);
            if (link.sipCallId.equals(sipCallId)) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    /** This correlation with {@code link} added, replacing any link with the same SIP Call-ID. */
    public Correlation with(Link link) {
        List<Link> next = new ArrayList<>(links.size() + 1);
        for (Link l : links) {
            if (!l.sipCallId.equals(link.sipCallId)) {
                next.add(l);
            }
        }
        next.add(link);
        return new Correlation(next);
    }
}
