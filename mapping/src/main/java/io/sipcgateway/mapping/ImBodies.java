package io.sipcgateway.mapping;

import io.sipcgateway.mapping.table.HeaderRule;
import io.sipcgateway.sipc.SipcBody;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Instant-message bodies between {@code M} and MESSAGE (reference section 6.1, RFC 3428 section 8: every UA takes
 * {@code text/plain}).
 */
final class ImBodies {
    static final String TEXT_PLAIN = "text/plain";

    private ImBodies() {
    }

    /** A body with its content type. */
    record Typed(String contentType, byte[] bytes) {
    }

    /** A legacy IM body ({@code C} absent means {@code text/plain}, section 6.1) as a SIP body; empty if unknown. */
    static Optional<Typed> toSip(Optional<String> sipcType, SipcBody body) {
        String type = HeaderRule.Value.mediaType(sipcType.orElse(TEXT_PLAIN));
        if (type.equals(TEXT_PLAIN)) {
            return Optional.of(new Typed("text/plain;charset=UTF-8", body.bytes()));
        }
        return Optional.empty();
    }

    /** A SIP IM body as a legacy body with its {@code C}; empty if the type has no legacy form. */
    static Optional<Typed> toSipc(String sipType, byte[] body) {
        String type = HeaderRule.Value.mediaType(sipType);
        if (type.equals(TEXT_PLAIN)) {
            return Optional.of(new Typed(TEXT_PLAIN, body));
        }
        return Optional.empty();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
