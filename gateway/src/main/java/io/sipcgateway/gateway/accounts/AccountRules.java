package io.sipcgateway.gateway.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The format rules for account fields, in one place: the loader turns a violation into an error with a line
 * number, and the records' constructors turn it into an {@link IllegalArgumentException}. Each check returns the
 * problem as text ({@code "expected digits, got 'abc'"}), or empty when the value is fine.
 *
 * <p>Several limits are the fixed buffers libofetion copies these values into with {@code strcpy}, so a longer
 * value would overflow them (OF {@code libofetion-2.2.2/fetion_types.h}, struct {@code User}): sid and user-id
 * {@code char[16]} (an older build: {@code char[11]}), nickname {@code char[48]}, impresa {@code char[256]}.
 */
final class AccountRules {
    static final int MAX_ID_DIGITS = 10;
    /** libofetion reads the user-id with {@code atoi} into a 32-bit {@code int} (section 7.2, v4 digest). */
    static final long MAX_USER_ID = Integer.MAX_VALUE;
    static final int MAX_NICKNAME_BYTES = 47;
    static final int MAX_IMPRESA_BYTES = 255;
    static final int MAX_NAME_BYTES = 255;

    private AccountRules() {
    }

    static Optional<String> sid(String value) {
        return digits(value, MAX_ID_DIGITS);
    }

    static Optional<String> userId(String value) {
        Optional<String> digits = digits(value, MAX_ID_DIGITS);
        if (digits.isPresent()) {
            return digits;
        }
        return Long.parseLong(value) > MAX_USER_ID
                ? Optional.of("expected at most " + MAX_USER_ID + " (libofetion reads it as a 32-bit int), got "
                        + value)
                : Optional.empty();
    }

    /** Mainland mobile numbers, the only form any capture shows: 11 digits starting with 1. */
    static Optional<String> mobile(String value) {
        if (value.length() != 11 || value.charAt(0) != '1' || !allDigits(value)) {
            return Optional.of("expected an 11-digit mobile number starting with 1, got '" + value + "'");
        }
        return Optional.empty();
    }

    static Optional<String> nickname(String value) {
        return text(value, MAX_NICKNAME_BYTES, true);
    }

    static Optional<String> impresa(String value) {
        return text(value, MAX_IMPRESA_BYTES, true);
    }

    /** Buddy local names and buddy-list names. */
    static Optional<String> name(String value, boolean mayBeEmpty) {
        return text(value, MAX_NAME_BYTES, mayBeEmpty);
    }

    /** libofetion treats list id 0 and negative ids as "no list" ({@code parse_contact_list()}). */
    static Optional<String> listId(long value) {
        return value < 1 || value > Integer.MAX_VALUE
                ? Optional.of("expected a list id from 1 to " + Integer.MAX_VALUE + ", got " + value)
                : Optional.empty();
    }

    /** A {@code sip:} or {@code sips:} address of record with a user part, as the core knows the user. */
    static Optional<String> coreAor(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        int at = value.indexOf('@');
        int colon = value.indexOf(':');
        boolean schemeOk = lower.startsWith("sip:") || lower.startsWith("sips:");
        if (!schemeOk || at <= colon + 1 || at == value.length() - 1 || hasSpaceOrControl(value)
                || value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            return Optional.of("expected a sip: or sips: URI like sip:alice@example.org, got '" + value + "'");
        }
        return Optional.empty();
    }

    static Optional<String> username(String value) {
        return value.isEmpty() || hasSpaceOrControl(value)
                ? Optional.of("expected a non-empty user name without spaces, got '" + value + "'")
                : Optional.empty();
    }

    static Optional<String> password(String value) {
        return value.isEmpty() ? Optional.of("expected a non-empty password") : Optional.empty();
    }

    static Optional<String> hex(String value, int length) {
        if (value.length() != length || !allHex(value)) {
            return Optional.of("expected " + length + " hex digits, got '" + value + "'");
        }
        return Optional.empty();
    }

    /** Throws the rule's problem, for the records' constructors (strict builders, STYLE 5.3). */
    static void require(Optional<String> problem, String field) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(field + ": " + problem.get());
        }
    }

    static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static Optional<String> digits(String value, int maxDigits) {
        if (!allDigits(value)) {
            return Optional.of("expected digits, got '" + value + "'");
        }
        if (value.length() > maxDigits) {
            return Optional.of("expected at most " + maxDigits + " digits, got " + value.length());
        }
        return Optional.empty();
    }

    private static Optional<String> text(String value, int maxBytes, boolean mayBeEmpty) {
        if (!mayBeEmpty && value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // XML 1.0 cannot carry most control characters, and a line break would corrupt the answer bodies.
            if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                return Optional.of(String.format("control character U+%04X at index %d", (int) c, i));
            }
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            return Optional.of("expected at most " + maxBytes + " UTF-8 bytes, got " + bytes);
        }
        return Optional.empty();
    }

    private static boolean allHex(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSpaceOrControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }
}
