package io.sipcgateway.gateway.accounts;

import java.util.Locale;

/** Comparison form of a core address of record: no {@code <>}, no URI parameters, lower-case scheme and host. */
final class CoreAors {
    private CoreAors() {
    }

    static String normalize(String aor) {
        String value = aor.strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        int semicolon = value.indexOf(';');
        if (semicolon >= 0) {
            value = value.substring(0, semicolon);
        }
        int colon = value.indexOf(':');
        int at = value.lastIndexOf('@');
        if (colon < 0 || at < colon) {
            return value.toLowerCase(Locale.ROOT);
        }
        // RFC 3261 19.1.4: the user part compares case-sensitively, scheme and host do not.
        return value.substring(0, colon).toLowerCase(Locale.ROOT) + value.substring(colon, at + 1)
                + value.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
