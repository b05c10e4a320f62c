package io.sipcgateway.gateway.inspect.admin;

import gov.nist.javax.sip.message.SIPResponse;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.TranslationEvent.Direction;
import io.sipcgateway.gateway.inspect.TranslationEvent.Outcome;
import io.sipcgateway.sipc.SipcStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The short forms of a pair that the table, the ladder and {@code inspect} show: start lines, methods and the final
 * status. Derived once on the server so the page and the command line agree. Reads text only; never throws on odd
 * messages (an unreadable start line gives an empty method).
 */
final class PairSummary {
    private PairSummary() {
    }

    /** The first line of a message's text. */
    static String startLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** True for a pair of responses (the SIP-C side starts {@code SIP-C/}): an answer relayed, not a request. */
    static boolean isResponse(TranslationEvent event) {
        return startLine(event.sipc()).startsWith("SIP-C/");
    }

    static List<String> sipStartLines(TranslationEvent event) {
        return event.sip().stream().map(PairSummary::startLine).toList();
    }

    /** The SIP-C method: the request's, or for a response the one its {@code Q} (CSeq) names. */
    static String sipcMethod(TranslationEvent event) {
        return method(event.sipc(), "SIP-C/", "Q");
    }

    /** The SIP method of each SIP message, by the same rule with {@code CSeq}. */
    static List<String> sipMethods(TranslationEvent event) {
        return event.sip().stream().map(m -> method(m, "SIP/", "CSeq")).toList();
    }

    /**
     * The status answered to whoever sent the triggering message, with its reason phrase: for a legacy request the
     * SIP-C status the client got, for a core request the SIP status the core got; else the other leg's; else the
     * outcome's kind ({@code one-way}, {@code timeout}...).
     */
    static String status(TranslationEvent event) {
        Outcome outcome = event.outcome();
        boolean fromCore = event.direction() == Direction.CORE_TO_LEGACY;
        Optional<String> legacy = legacyStatus(event);
        Optional<String> sip = sipStatus(event);
        return (fromCore ? sip.or(() -> legacy) : legacy.or(() -> sip))
                .orElseGet(() -> outcome.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The final SIP-C status with its phrase, {@code 200 OK}, if there is one. */
    static Optional<String> legacyStatus(TranslationEvent event) {
        return event.outcome().legacyStatus().map(c -> c + " " + SipcStatus.of(c).reason());
    }

    /** The final SIP status with its RFC 3261 phrase, if there is one. */
    static Optional<String> sipStatus(TranslationEvent event) {
        return event.outcome().sipStatus().map(c -> c + " " + sipReason(c));
    }

    /** Latency in milliseconds with one decimal ({@code 3.1ms}), or {@code -} for an exchange that did not end. */
    static String latency(TranslationEvent event) {
        return event.outcome().latencyMicros().map(us -> String.format(Locale.ROOT, "%.1fms", us / 1000.0))
                .orElse("-");
    }

    private static String sipReason(int code) {
        String phrase = SIPResponse.getReasonPhrase(code);
        // jain-sip knows the RFC 3261 codes only; an extension code still gets its class's phrase
        return phrase.equals("Unknown Status") ? SipcStatus.of(code).reason() : phrase;
    }

    private static String method(String message, String responsePrefix, String cseqHeader) {
        String start = startLine(message);
        int space = start.indexOf(' ');
        String first = space < 0 ? start : start.substring(0, space);
        if (!first.startsWith(responsePrefix)) {
            return first;
        }
        // A response names its method only in the CSeq header: "Q: 2 SUB" / "CSeq: 2 SUBSCRIBE".
        String prefix = cseqHeader.toLowerCase(Locale.ROOT) + ":";
        for (String line : message.split("\r?\n")) {
            if (line.isEmpty()) {
                break; // end of headers
            }
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                String[] parts = line.substring(prefix.length()).strip().split("\\s+");
                return parts.length == 2 ? parts[1] : "";
            }
        }
        return "";
    }
}
