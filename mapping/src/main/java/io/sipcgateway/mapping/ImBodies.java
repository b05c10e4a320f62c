package io.sipcgateway.mapping;

import io.sipcgateway.mapping.im.FontMarkup;
import io.sipcgateway.mapping.table.HeaderRule;
import io.sipcgateway.sipc.SipcBody;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Instant-message bodies between {@code M} and MESSAGE (reference section 6.1; RFC 3428 section 8: every UA takes
 * {@code text/plain}). Font markup in the official client's default font carries nothing but the text, so it
 * travels as {@code text/plain} and is wrapped again on the way back (samples 62, 67 round-trip exactly); any other
 * markup (another face, colour or size, several fonts) travels verbatim as {@code text/html}, where nothing is
 * lost. Plain text from the core reaches legacy clients wrapped in the default font, as the reference advises.
 */
final class ImBodies {
    static final String TEXT_PLAIN = "text/plain";
    private static final String SIP_PLAIN = "text/plain;charset=UTF-8";
    private static final String SIP_HTML = "text/html;charset=UTF-8";

    private ImBodies() {
    }

    /** A body with its content type. */
    record Typed(String contentType, byte[] bytes) {
    }

    /** A legacy IM body ({@code C} absent means {@code text/plain}, section 6.1) as a SIP body; empty if unknown. */
    static Optional<Typed> toSip(Optional<String> sipcType, SipcBody body) {
        String type = HeaderRule.Value.mediaType(sipcType.orElse(TEXT_PLAIN));
        if (type.equals(TEXT_PLAIN)) {
            return Optional.of(new Typed(SIP_PLAIN, body.bytes()));
        }
        if (type.equals(FontMarkup.CONTENT_TYPE)) {
            String fragment = body.utf8();
            String plain = FontMarkup.toPlainText(fragment);
            return Optional.of(FontMarkup.toFragment(plain).equals(fragment)
                    ? new Typed(SIP_PLAIN, plain.getBytes(StandardCharsets.UTF_8))
                    : new Typed(SIP_HTML, body.bytes()));
        }
        return Optional.empty();
    }

    /** A SIP IM body as a legacy body with its {@code C}; empty if the type has no legacy form. */
    static Optional<Typed> toSipc(String sipType, byte[] body) {
        String type = HeaderRule.Value.mediaType(sipType);
        if (type.equals(TEXT_PLAIN)) {
            String fragment = FontMarkup.toFragment(new String(body, StandardCharsets.UTF_8));
            return Optional.of(new Typed(FontMarkup.CONTENT_TYPE, fragment.getBytes(StandardCharsets.UTF_8)));
        }
        if (type.equals("text/html")) {
            return Optional.of(new Typed(FontMarkup.CONTENT_TYPE, body));
        }
        return Optional.empty();
    }
}
