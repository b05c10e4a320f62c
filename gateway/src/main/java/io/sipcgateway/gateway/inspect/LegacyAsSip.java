package io.sipcgateway.gateway.inspect;

import io.sipcgateway.sipc.SipcCSeq;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMethod;
import java.util.List;
import java.util.Optional;

/**
 * Renders a recorded SIP-C message as SIP text, so that SIP tools (sngrep, Homer, Wireshark) show the legacy leg next
 * to the core leg. Names come from the one table of each ({@link SipcMethod#longName()},
 * {@link SipcHeaderName#longName()}):
 * <pre>
 * SUB fetion.com.cn SIP-C/4.0   →  SUBSCRIBE sip:fetion.com.cn SIP/2.0
 * M 756444636 SIP-C/2.0         →  MESSAGE sip:756444636@fetion.com.cn SIP/2.0
 * SIP-C/4.0 200 OK              →  SIP/2.0 200 OK
 * F: 916000001                  →  From: &lt;sip:916000001@fetion.com.cn&gt;
 * Q: 2 R                        →  CSeq: 2 REGISTER
 * I: 2                          →  Call-ID: (the core leg's Call-ID) and X-Fetion-Call-ID: 2
 * </pre>
 * A synthetic {@code Via} (RFC 3261 8.1.1.7) names the request's sender; {@code X-Fetion-Original} carries the original
 * start line; {@code Content-Length} is computed from the body, which is kept as it is.
 */
public final class LegacyAsSip {
    public static final String ORIGINAL_HEADER = "X-Fetion-Original";
    public static final String CALL_ID_HEADER = "X-Fetion-Call-ID";
    /** The Fetion domain (reference section 1.1: every client request targets it). */
    static final String DOMAIN = "fetion.com.cn";

    private LegacyAsSip() {
    }

    /**
     * @param sipc the SIP-C message (masked)
     * @param callId the Call-ID to show, shared with the core leg ({@link Leg#sharedCallId})
     * @param requestSender who sent the request of this transaction: the sender of a request, the receiver of a
     *     response
     */
    public static String render(String sipc, String callId, Endpoint requestSender) {
        List<String> lines = WireText.headLines(sipc);
        String body = WireText.body(sipc);
        String original = lines.isEmpty() ? "" : lines.get(0);
        StringBuilder out = new StringBuilder(sipc.length() + 200);
        out.append(startLine(original)).append("\r\n");
        out.append("Via: SIP/2.0/TCP ").append(requestSender)
                .append(";branch=z9hG4bK-sipc-").append(Integer.toHexString(callId.hashCode())).append("\r\n");
        out.append(ORIGINAL_HEADER).append(": ").append(original).append("\r\n");
        boolean sawCallId = false;
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            Optional<SipcHeaderName> name = headerName(line.substring(0, colon).strip());
            String value = line.substring(colon + 1).strip();
            if (name.isEmpty()) {
                out.append(line).append("\r\n");
            } else if (name.get() == SipcHeaderName.CALL_ID) {
                sawCallId = true;
                out.append("Call-ID: ").append(callId).append("\r\n");
                out.append(CALL_ID_HEADER).append(": ").append(value).append("\r\n");
            } else if (name.get() != SipcHeaderName.CONTENT_LENGTH) {
                out.append(name.get().longName()).append(": ").append(value(name.get(), value)).append("\r\n");
            }
        }
        if (!sawCallId) {
            out.append("Call-ID: ").append(callId).append("\r\n");
        }
        out.append("Content-Length: ").append(WireText.utf8Length(body)).append("\r\n\r\n");
        return out.append(body).toString();
    }

    /** {@code SIP-C/4.0 200 OK} → {@code SIP/2.0 200 OK}; {@code SUB fetion.com.cn SIP-C/4.0} → a request line. */
    static String startLine(String line) {
        String[] parts = line.split(" ", 3);
        if (parts[0].startsWith("SIP-C/")) {
            return "SIP/2.0" + line.substring(parts[0].length());
        }
        String method = method(parts[0]);
        String target = parts.length > 1 ? uri(parts[1]) : "sip:" + DOMAIN;
        return method + " " + target + " SIP/2.0";
    }

    private static String value(SipcHeaderName name, String value) {
        if (name == SipcHeaderName.FROM || name == SipcHeaderName.TO) {
            return "<" + uri(value) + ">";
        }
        if (name == SipcHeaderName.CSEQ) {
            return SipcCSeq.tryParse(value).map(q -> q.number() + " " + q.method().longName()).orElse(value);
        }
        return value;
    }

    /** A bare sid becomes {@code sip:<sid>@fetion.com.cn}, a domain {@code sip:<domain>}; URIs stay. */
    static String uri(String target) {
        if (target.startsWith("sip:") || target.startsWith("tel:") || target.startsWith("sips:")) {
            return target;
        }
        return target.indexOf('.') >= 0 ? "sip:" + target : "sip:" + target + "@" + DOMAIN;
    }

    private static String method(String token) {
        try {
            return SipcMethod.of(token).longName();
        } catch (IllegalArgumentException e) {
            return token;
        }
    }

    private static Optional<SipcHeaderName> headerName(String name) {
        try {
            return Optional.of(SipcHeaderName.of(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
