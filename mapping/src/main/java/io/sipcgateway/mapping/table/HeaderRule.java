package io.sipcgateway.mapping.table;

import io.sipcgateway.sipc.SipcCSeq;
import io.sipcgateway.sipc.SipcHeaderName;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SIP-C header letter ↔ SIP header (reference sections 3 and 11), with the value conversion for both directions side
 * by side in one {@link Value}. Tags, {@code Via} and {@code Contact} have no SIP-C counterpart and are built by the
 * facades; {@code N} is not here because its meaning depends on the method ({@link EventRule}, {@link MethodRule});
 * {@code A}/{@code W} stay with the gateway's legacy authentication. Indexed once from {@code values()}: a letter or
 * SIP name used twice fails class initialisation.
 */
public enum HeaderRule {
    FROM(SipcHeaderName.FROM, "From", Value.IDENTITY),
    TO(SipcHeaderName.TO, "To", Value.IDENTITY),
    CALL_ID(SipcHeaderName.CALL_ID, "Call-ID", Value.CALL_ID),
    CSEQ(SipcHeaderName.CSEQ, "CSeq", Value.CSEQ),
    CONTENT_LENGTH(SipcHeaderName.CONTENT_LENGTH, "Content-Length", Value.VERBATIM),
    CONTENT_TYPE(SipcHeaderName.CONTENT_TYPE, "Content-Type", Value.CONTENT_TYPE),
    EXPIRES(SipcHeaderName.EXPIRES, "Expires", Value.VERBATIM),
    /** Capabilities only; the message flags {@code SaveHistory}/{@code NewEmotion} are dropped (section 11). */
    SUPPORTED(SipcHeaderName.SUPPORTED, "Supported", Value.CAPABILITY),
    /** RFC 1123 dates on both sides (RFC 3261 section 20.17; WIRE). */
    DATE(SipcHeaderName.DATE, "Date", Value.VERBATIM),
    /** {@code XI}: the server's message id, kept for de-duplication in an extension header. */
    MESSAGE_ID(SipcHeaderName.MESSAGE_ID, "X-Fetion-Message-ID", Value.VERBATIM);

    private static final Map<SipcHeaderName, HeaderRule> BY_SIPC = new HashMap<>();
    private static final Map<String, HeaderRule> BY_SIP = new HashMap<>();

    static {
        for (HeaderRule rule : values()) {
            if (BY_SIPC.put(rule.sipc, rule) != null) {
                throw new ExceptionInInitializerError("two rows for SIP-C header " + rule.sipc);
            }
            if (BY_SIP.put(rule.sip.toLowerCase(Locale.ROOT), rule) != null) {
                throw new ExceptionInInitializerError("two rows for SIP header " + rule.sip);
            }
        }
    }

    private final SipcHeaderName sipc;
    private final String sip;
    private final Value value;

    HeaderRule(SipcHeaderName sipc, String sip, Value value) {
        this.sipc = sipc;
        this.sip = sip;
        this.value = value;
    }

    public SipcHeaderName sipc() {
        return sipc;
    }

    /** The SIP header name in its long form. */
    public String sip() {
        return sip;
    }

    public Value value() {
        return value;
    }

    /** A SIP-C header value as its SIP value; empty if it cannot be converted (e.g. an unknown identity). */
    public Optional<String> toSip(String sipcValue, Context ctx) {
        return value.toSip(sipcValue.strip(), ctx);
    }

    /** A SIP header value as its SIP-C value; empty if it cannot be converted. */
    public Optional<String> toSipc(String sipValue, Context ctx) {
        return value.toSipc(sipValue.strip(), ctx);
    }

    public static Optional<HeaderRule> forSipc(SipcHeaderName name) {
        return Optional.ofNullable(BY_SIPC.get(name));
    }

    /** The row for a SIP header name, long or RFC 3261 compact form ({@code f}, {@code i}, ...). */
    public static Optional<HeaderRule> forSip(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        String longName = switch (lower) {
            case "f" -> "from";
            case "t" -> "to";
            case "i" -> "call-id";
            case "l" -> "content-length";
            case "c" -> "content-type";
            case "k" -> "supported";
            default -> lower;
        };
        return Optional.ofNullable(BY_SIP.get(longName));
    }

    /** What a value conversion may ask of its caller: identities and dialog correlation. */
    public interface Context {
        /** The core URI for a legacy URI or bare sid, e.g. {@code sip:alice@sipc.local}. */
        Optional<String> coreUri(String legacyUri);

        /** The legacy URI for a core URI, e.g. {@code sip:916000001@fetion.com.cn;p=1234}. */
        Optional<String> legacyUri(String coreUri);

        /** The SIP Call-ID correlated with a legacy {@code I}. */
        Optional<String> sipCallId(String legacyCallId);

        /** The legacy {@code I} correlated with a SIP Call-ID. */
        Optional<String> legacyCallId(String sipCallId);
    }

    /** One conversion, both directions side by side. */
    public interface Value {
        Optional<String> toSip(String sipcValue, Context ctx);

        Optional<String> toSipc(String sipValue, Context ctx);

        Value VERBATIM = of((v, c) -> Optional.of(v), (v, c) -> Optional.of(v));

        /** {@code F}/{@code T} ↔ {@code From}/{@code To} name-addr; tags are the facade's business. */
        Value IDENTITY = of((v, c) -> c.coreUri(v).map(uri -> '<' + uri + '>'),
                (v, c) -> c.legacyUri(addrSpec(v)));

        Value CALL_ID = of((v, c) -> c.sipCallId(v), (v, c) -> c.legacyCallId(v));

        /** {@code Q: 2 M} ↔ {@code CSeq: 2 MESSAGE}, through {@link MethodRule}. */
        Value CSEQ = of((v, c) -> SipcCSeq.tryParse(v).flatMap(q -> MethodRule.forSipcToken(q.method().token())
                        .map(rule -> q.number() + " " + rule.sip())),
                (v, c) -> {
                    String[] parts = v.split("\\s+");
                    return parts.length != 2 || !parts[0].chars().allMatch(Character::isDigit) ? Optional.empty()
                            : MethodRule.forSip(parts[1]).map(rule -> parts[0] + " " + rule.sipc().token());
                });

        /**
         * {@code text/plain} ↔ {@code text/plain;charset=UTF-8}, {@code text/html-fragment} ↔
         * {@code text/html;charset=UTF-8} (section 6.1: bodies are UTF-8); anything else as it is.
         */
        Value CONTENT_TYPE = of((v, c) -> Optional.of(switch (mediaType(v)) {
            case "text/plain" -> "text/plain;charset=UTF-8";
            case "text/html-fragment" -> "text/html;charset=UTF-8";
            default -> v;
        }), (v, c) -> Optional.of(switch (mediaType(v)) {
            case "text/plain" -> "text/plain";
            case "text/html" -> "text/html-fragment";
            default -> v;
        }));

        /**
         * A capability ({@code text/html-fragment}, {@code multiparty}) as a SIP option-tag: {@code /} is not a
         * token character (RFC 3261 section 25.1), so it travels as {@code .}, which no capability uses.
         */
        Value CAPABILITY = of((v, c) -> Optional.of(v.replace('/', '.')), (v, c) -> Optional.of(v.replace('.', '/')));

        static Value of(Conversion toSip, Conversion toSipc) {
            return new Value() {
                @Override
                public Optional<String> toSip(String sipcValue, Context ctx) {
                    return toSip.apply(sipcValue, ctx);
                }

                @Override
                public Optional<String> toSipc(String sipValue, Context ctx) {
                    return toSipc.apply(sipValue, ctx);
                }
            };
        }

        /** The URI of a name-addr or addr-spec header value, without header parameters such as {@code tag}. */
        static String addrSpec(String headerValue) {
            int open = headerValue.indexOf('<');
            if (open >= 0) {
                int close = headerValue.indexOf('>', open);
                return headerValue.substring(open + 1, close < 0 ? headerValue.length() : close).strip();
            }
            int semi = headerValue.indexOf(';');
            return (semi < 0 ? headerValue : headerValue.substring(0, semi)).strip();
        }

        /** {@code type/subtype} in lower case, parameters dropped. */
        static String mediaType(String contentType) {
            return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        }
    }

    /** A conversion of one value in one direction. */
    @FunctionalInterface
    public interface Conversion {
        Optional<String> apply(String value, Context ctx);
    }
}
