package io.sipcgateway.mapping.im;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.xml.Elements;
import io.sipcgateway.mapping.xml.SafeXml;
import io.sipcgateway.sipc.SipcBody;

/**
 * The SIP-C {@code IN} body {@code <is-composing><state>..</state></is-composing>} (reference section 6.1, sample 35)
 * ⇄ the RFC 3994 {@code application/im-iscomposing+xml} indication, through one table ({@link ComposingRule}):
 *
 * <ul>
 *   <li>{@code input} ⇄ {@code active} (written with {@code contenttype text/plain} and {@code refresh 60}).</li>
 *   <li>{@code keep-alive} ⇄ {@code idle}: both say "the peer is still in the conversation and not typing". A SIP
 *       UA's idle keeps the legacy chat session alive; a legacy keep-alive clears a SIP UA's typing hint.</li>
 *   <li><b>{@code nudge}</b> (shake the peer's window), {@code fetion-show:...} animations and any other state have
 *       no standard equivalent. Sending them as RFC 3994 {@code active} would be wrong (a nudge is not typing), and
 *       dropping them would lose them. They become a body of the vendor type {@link #VENDOR_CONTENT_TYPE}
 *       ({@code application/vnd.fetion.is-composing+xml}) holding the SIP-C document itself, meant to travel as a
 *       SIP MESSAGE (RFC 3428) like RFC 3994 indications do. A UA that does not know the type answers 415 and
 *       shows nothing; another gateway or a Fetion-aware UA gets the exact state back ({@link #fromCore}).</li>
 * </ul>
 */
public final class IsComposing {
    public static final String CONTENT_TYPE = "application/im-iscomposing+xml";
    /** SIP-C {@code <is-composing>} documents without an RFC 3994 equivalent (nudge, fetion-show:...). */
    public static final String VENDOR_CONTENT_TYPE = "application/vnd.fetion.is-composing+xml";
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:im-iscomposing";
    /** Refresh interval written with {@code active}, seconds (RFC 3994 section 3.2). */
    public static final int ACTIVE_REFRESH_SECONDS = 60;

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final Namespace NS = Namespace.get(NAMESPACE);

    private IsComposing() {
    }

    /**
     * An RFC 3994 indication.
     *
     * @param state {@code active} or {@code idle} (other values are read but have no SIP-C equivalent)
     * @param contentType the {@code contenttype} of the message being composed
     * @param refreshSeconds the {@code refresh} interval
     */
    public record Rfc3994(String state, Optional<String> contentType, OptionalInt refreshSeconds) {
        public Rfc3994 {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(refreshSeconds, "refreshSeconds");
        }
    }

    /** A core-side body and its Content-Type. */
    public record CoreBody(String contentType, byte[] body) {
        public CoreBody {
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CoreBody other && contentType.equals(other.contentType)
                    && Arrays.equals(body, other.body);
        }

        @Override
        public int hashCode() {
            return 31 * contentType.hashCode() + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "CoreBody[" + contentType + ", " + new String(body, StandardCharsets.UTF_8) + "]";
        }
    }

    /** SIP-C state ⇄ RFC 3994 state; rows are the only states with a standard equivalent. */
    enum ComposingRule {
        INPUT("input", "active"),
        KEEP_ALIVE("keep-alive", "idle");

        final String sipc;
        final String rfc3994;

        ComposingRule(String sipc, String rfc3994) {
            this.sipc = sipc;
            this.rfc3994 = rfc3994;
        }

        static Optional<ComposingRule> forSipc(String state) {
            return Arrays.stream(values()).filter(r -> r.sipc.equalsIgnoreCase(state)).findFirst();
        }

        static Optional<ComposingRule> forRfc3994(String state) {
            return Arrays.stream(values()).filter(r -> r.rfc3994.equalsIgnoreCase(state)).findFirst();
        }
    }

    /** The state of a SIP-C {@code <is-composing>} body, trimmed: {@code input}, {@code nudge}, ... */
    public static BodyResult<String> readSipc(SipcBody body) {
        return SafeXml.parseRoot(body.bytes(), "", "is-composing").flatMap(root -> Elements.child(root, "", "state")
                .flatMap(Elements::text)
                .<BodyResult<String>>map(BodyResult::ok)
                .orElseGet(() -> BodyResult.rejected(Problem.MISSING, "is-composing has no <state> text")));
    }

    /** {@code <is-composing><state>state</state></is-composing>}, without libxml2's newlines of sample 35. */
    public static SipcBody writeSipc(String state) {
        Element root = DocumentHelper.createElement("is-composing");
        root.addElement("state").setText(state);
        return SipcBody.ofUtf8(SafeXml.compact(root));
    }

    /** Reads an RFC 3994 {@code <isComposing>} document. */
    public static BodyResult<Rfc3994> readRfc3994(byte[] body) {
        return SafeXml.parseRoot(body, NAMESPACE, "isComposing").flatMap(root -> {
            Optional<String> state = Elements.child(root, NAMESPACE, "state").flatMap(Elements::text);
            if (state.isEmpty()) {
                return BodyResult.rejected(Problem.MISSING, "isComposing has no <state> (RFC 3994 section 4)");
            }
            Optional<String> contentType = Elements.child(root, NAMESPACE, "contenttype").flatMap(Elements::text);
            Optional<String> refresh = Elements.child(root, NAMESPACE, "refresh").flatMap(Elements::text);
            OptionalInt seconds = OptionalInt.empty();
            if (refresh.isPresent()) {
                try {
                    seconds = OptionalInt.of(Integer.parseInt(refresh.get()));
                } catch (NumberFormatException e) {
                    seconds = OptionalInt.of(-1);
                }
                if (seconds.getAsInt() <= 0) {
                    return BodyResult.rejected(Problem.MALFORMED, "isComposing refresh '" + refresh.get()
                            + "' is not a positive integer");
                }
            }
            return BodyResult.ok(new Rfc3994(state.get().toLowerCase(Locale.ROOT), contentType, seconds));
        });
    }

    /** Writes an RFC 3994 document (UTF-8, with an XML declaration), elements in schema order. */
    public static byte[] writeRfc3994(Rfc3994 state) {
        Element root = DocumentHelper.createElement(QName.get("isComposing", NS));
        root.addElement(QName.get("state", NS)).setText(state.state());
        state.contentType().ifPresent(t -> root.addElement(QName.get("contenttype", NS)).setText(t));
        state.refreshSeconds().ifPresent(s -> root.addElement(QName.get("refresh", NS)).setText(Integer.toString(s)));
        return (DECLARATION + SafeXml.compact(root)).getBytes(StandardCharsets.UTF_8);
    }

    /** The RFC 3994 indication for a SIP-C state, or empty if it has none (nudge, fetion-show:..., unknown). */
    public static Optional<Rfc3994> toRfc3994(String sipcState) {
        return ComposingRule.forSipc(sipcState.strip()).map(rule -> rule == ComposingRule.INPUT
                ? new Rfc3994(rule.rfc3994, Optional.of("text/plain"), OptionalInt.of(ACTIVE_REFRESH_SECONDS))
                : new Rfc3994(rule.rfc3994, Optional.of("text/plain"), OptionalInt.empty()));
    }

    /** The SIP-C state for an RFC 3994 indication, or empty for a state RFC 3994 does not define. */
    public static Optional<String> toSipcState(Rfc3994 indication) {
        return ComposingRule.forRfc3994(indication.state()).map(rule -> rule.sipc);
    }

    /** The core-side body for a SIP-C state: RFC 3994 where a rule exists, otherwise the vendor type. */
    public static CoreBody toCore(String sipcState) {
        return toRfc3994(sipcState)
                .map(r -> new CoreBody(CONTENT_TYPE, writeRfc3994(r)))
                .orElseGet(() -> new CoreBody(VENDOR_CONTENT_TYPE, writeSipc(sipcState.strip()).bytes()));
    }

    /** The SIP-C state for a core-side body of either type; another type is UNSUPPORTED. */
    public static BodyResult<String> fromCore(String contentType, byte[] body) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals(CONTENT_TYPE)) {
            return readRfc3994(body).flatMap(r -> toSipcState(r)
                    .<BodyResult<String>>map(BodyResult::ok)
                    .orElseGet(() -> BodyResult.rejected(Problem.UNSUPPORTED, "RFC 3994 state '" + r.state()
                            + "' has no SIP-C equivalent")));
        }
        if (type.equals(VENDOR_CONTENT_TYPE)) {
            return readSipc(SipcBody.of(body));
        }
        return BodyResult.rejected(Problem.UNSUPPORTED, "Content-Type " + type + " is not an is-composing body");
    }
}
