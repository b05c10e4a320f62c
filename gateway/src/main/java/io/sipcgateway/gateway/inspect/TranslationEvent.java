package io.sipcgateway.gateway.inspect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One translation pair: a message that crossed the gateway and what it became (or came from) on the other side.
 *
 * @param id a gateway-unique, increasing event number
 * @param time when the triggering message was received
 * @param connection the legacy connection id (the session handler's log id)
 * @param legacyPeer the legacy client's address, {@code ip:port}
 * @param gatewayLegacy the gateway's SIP-C listener address, {@code ip:port}
 * @param corePeer the core's address, {@code ip:port}
 * @param gatewayCore the gateway's SIP address toward the core, {@code ip:port}
 * @param user the signed-in legacy sid, if any
 * @param direction which side sent the triggering message
 * @param sipc the SIP-C message as received or sent, exact bytes as UTF-8 text (CRLF kept)
 * @param sip the SIP messages it became or came from, as text (several for a fanned-out {@code SUB})
 * @param correlation how the two legs relate
 * @param outcome how it ended
 */
public record TranslationEvent(long id, Instant time, String connection, String legacyPeer, String gatewayLegacy,
        String corePeer, String gatewayCore, Optional<String> user, Direction direction, String sipc,
        List<String> sip, Correlation correlation, Outcome outcome) {

    public TranslationEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(legacyPeer, "legacyPeer");
        Objects.requireNonNull(gatewayLegacy, "gatewayLegacy");
        Objects.requireNonNull(corePeer, "corePeer");
        Objects.requireNonNull(gatewayCore, "gatewayCore");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(sipc, "sipc");
        sip = List.copyOf(sip);
        Objects.requireNonNull(correlation, "correlation");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Which side sent the message that started the pair. */
    public enum Direction {
        /** Legacy client → gateway → core. */
        LEGACY_TO_CORE,
        /** Core → gateway → legacy client. */
        CORE_TO_LEGACY,
        /** Answered by the gateway itself (login, keep-alive, directory operations); no SIP leg. */
        LOCAL
    }

    /**
     * The identifiers that tie the legs together: legacy {@code I}/{@code Q}, SIP Call-ID/CSeq/branch.
     *
     * @param key one id shared by both legs, for HEP correlation and the ladder view
     */
    public record Correlation(String key, Optional<String> legacyCallId, Optional<String> legacyCseq,
            List<String> sipCallIds, List<String> sipCseqs, List<String> sipBranches) {
        public Correlation {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(legacyCallId, "legacyCallId");
            Objects.requireNonNull(legacyCseq, "legacyCseq");
            sipCallIds = List.copyOf(sipCallIds);
            sipCseqs = List.copyOf(sipCseqs);
            sipBranches = List.copyOf(sipBranches);
        }
    }

    /**
     * How the exchange ended.
     *
     * @param kind the class of ending
     * @param legacyStatus the final SIP-C status sent or received, if any
     * @param sipStatus the final SIP status sent or received, if any
     * @param latencyMicros from the triggering message to the final answer, if it ended
     * @param reason for rejects and failures, a human-readable why
     */
    public record Outcome(Kind kind, Optional<Integer> legacyStatus, Optional<Integer> sipStatus,
            Optional<Long> latencyMicros, Optional<String> reason) {
        public Outcome {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(legacyStatus, "legacyStatus");
            Objects.requireNonNull(sipStatus, "sipStatus");
            Objects.requireNonNull(latencyMicros, "latencyMicros");
            Objects.requireNonNull(reason, "reason");
        }

        public enum Kind {
            /** A final 2xx on both legs (or the one leg there is). */
            SUCCESS,
            /** A final non-2xx answer. */
            REJECTED,
            /** No answer in time (408/504). */
            TIMEOUT,
            /** The gateway refused or could not translate it (malformed, unmapped, not signed in). */
            FAILED,
            /** A one-way message that needs no answer (BN, ACK). */
            ONE_WAY
        }
    }
}
