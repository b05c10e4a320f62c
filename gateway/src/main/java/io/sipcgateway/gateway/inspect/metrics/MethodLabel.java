package io.sipcgateway.gateway.inspect.metrics;

import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.WireText;
import io.sipcgateway.sipc.SipcCSeq;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code method} label of an event: the long name of the SIP-C method (of the request, or of the {@code Q} header
 * of a response), else of the SIP method; anything unknown is {@value #OTHER}, so the label set stays bounded.
 */
final class MethodLabel {
    static final String OTHER = "OTHER";
    /** RFC 3261, 3262, 3265, 3311, 3428, 3515, 3903, 6086 methods. */
    private static final Set<String> SIP_METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS",
            "PRACK", "SUBSCRIBE", "NOTIFY", "UPDATE", "MESSAGE", "REFER", "PUBLISH", "INFO");

    private MethodLabel() {
    }

    /**
     * The label of a legacy message from its typed fields: what {@link #of(TranslationEvent)} reads back from the text
     * of an event built from it, without rendering that text.
     */
    static String of(SipcMessage legacy) {
        if (legacy instanceof SipcRequest request) {
            return request.method().isKnown() ? request.method().longName() : OTHER;
        }
        return legacy.cseq().filter(q -> q.method().isKnown()).map(q -> q.method().longName()).orElse(OTHER);
    }

    static String of(TranslationEvent event) {
        if (!event.sipc().isBlank()) {
            return sipc(event.sipc());
        }
        return event.sip().isEmpty() ? OTHER : sip(event.sip().get(0));
    }

    private static String sipc(String text) {
        List<String> lines = WireText.headLines(text);
        if (lines.isEmpty()) {
            return OTHER;
        }
        String first = lines.get(0);
        if (!first.startsWith("SIP-C/")) {
            return known(first.substring(0, Math.max(0, first.indexOf(' '))));
        }
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && SipcHeaderName.forCompact(line.substring(0, colon).strip()) == SipcHeaderName.CSEQ) {
                return SipcCSeq.tryParse(line.substring(colon + 1))
                        .filter(q -> q.method().isKnown()).map(q -> q.method().longName()).orElse(OTHER);
            }
        }
        return OTHER;
    }

    private static String known(String token) {
        try {
            SipcMethod method = SipcMethod.of(token);
            return method.isKnown() ? method.longName() : OTHER;
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }

    private static String sip(String text) {
        List<String> lines = WireText.headLines(text);
        if (lines.isEmpty()) {
            return OTHER;
        }
        String first = lines.get(0);
        String method = first.substring(0, Math.max(0, first.indexOf(' ')));
        if (first.startsWith("SIP/")) {
            method = OTHER;
            for (String line : lines) {
                if (line.regionMatches(true, 0, "CSeq:", 0, 5)) {
                    String[] parts = line.substring(5).strip().split("\\s+");
                    method = parts.length == 2 ? parts[1] : OTHER;
                }
            }
        }
        method = method.toUpperCase(Locale.ROOT);
        return SIP_METHODS.contains(method) ? method : OTHER;
    }
}
