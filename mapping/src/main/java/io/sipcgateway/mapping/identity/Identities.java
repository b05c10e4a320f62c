package io.sipcgateway.mapping.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Legacy addresses ↔ core addresses (reference sections 3 and 11):
 * <ul>
 *   <li>a bare sid ({@code F: 916000001}) or {@code sip:<sid>@fetion.com.cn;p=<n>} ↔ the user's core AOR from the
 *       directory, or {@code sip:<sid>@<core domain>} for a sid it does not know; {@code p} comes back from the
 *       directory (lost, and omitted, for unknown sids);</li>
 *   <li>{@code sip:PG<id>@fetion.com.cn;p=<n>} / {@code sip:TG..} groups ↔ {@code sip:PG<id>@<core domain>} (a
 *       resource list, RFC 4662); {@code p} is lost;</li>
 *   <li>an 11-digit mobile {@code tel:13800000009} ↔ the global number {@code tel:+8613800000009} (RFC 3966
 *       section 5.1.4: a local number would need a phone-context).</li>
 * </ul>
 *
 * @param directory who is who
 * @param coreDomain the core's SIP domain, e.g. {@code sipc.local}
 */
public record Identities(IdentityDirectory directory, String coreDomain) {
    /** The domain of every legacy URI and request target (section 1.1). */
    public static final String LEGACY_DOMAIN = "fetion.com.cn";
    private static final String CHINA = "+86";

    public Identities {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(coreDomain, "coreDomain");
    }

    /** The core URI for a legacy URI or bare sid; empty for what no rule covers (a foreign scheme, a bad URI). */
    public Optional<String> toCore(String legacy) {
        String value = legacy.strip();
        if (isDigits(value)) {
            return Optional.of(coreAorOfSid(value));
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tel:")) {
            String number = withoutParameters(value.substring(4));
            return isMobile(number) ? Optional.of("tel:" + CHINA + number)
                    : isPhoneNumber(number) ? Optional.of("tel:" + number) : Optional.empty();
        }
        if (!lower.startsWith("sip:")) {
            return Optional.empty();
        }
        String userAtHost = withoutParameters(value.substring(4));
        int at = userAtHost.indexOf('@');
        String user = at < 0 ? userAtHost : userAtHost.substring(0, at);
        String host = at < 0 ? LEGACY_DOMAIN : userAtHost.substring(at + 1);
        if (user.isEmpty() || host.isEmpty()) {
            return Optional.empty();
        }
        if (!host.equalsIgnoreCase(LEGACY_DOMAIN)) {
            return Optional.of("sip:" + user + '@' + host);
        }
        return Optional.of(isDigits(user) ? coreAorOfSid(user) : "sip:" + user + '@' + coreDomain);
    }

    /** The legacy URI for a core URI; empty for a foreign user the directory does not know. */
    public Optional<String> toLegacy(String core) {
        String value = core.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tel:")) {
            String number = withoutParameters(value.substring(4));
            if (number.startsWith(CHINA) && isMobile(number.substring(CHINA.length()))) {
                return Optional.of("tel:" + number.substring(CHINA.length()));
            }
            return isPhoneNumber(number) ? Optional.of("tel:" + number) : Optional.empty();
        }
        int colon = lower.startsWith("sip:") ? 4 : lower.startsWith("sips:") ? 5 : -1;
        if (colon < 0) {
            return Optional.empty();
        }
        String userAtHost = withoutParameters(value.substring(colon));
        int at = userAtHost.indexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        Optional<Identity> known = directory.byCoreAor("sip:" + userAtHost);
        if (known.isPresent()) {
            return known.map(Identity::legacyUri);
        }
        String user = userAtHost.substring(0, at);
        String host = userAtHost.substring(at + 1);
        boolean ours = host.equalsIgnoreCase(coreDomain) || host.equalsIgnoreCase(LEGACY_DOMAIN);
        boolean numberOrGroup = isDigits(user) || user.startsWith("PG") || user.startsWith("TG");
        return ours && numberOrGroup ? Optional.of("sip:" + user + '@' + LEGACY_DOMAIN) : Optional.empty();
    }

    /** The sid of a legacy URI or bare sid ({@code sip:916000002@fetion.com.cn;p=5678} → {@code 916000002}). */
    public static Optional<String> sidOf(String legacy) {
        String value = legacy.strip();
        if (value.regionMatches(true, 0, "sip:", 0, 4)) {
            value = withoutParameters(value.substring(4));
            int at = value.indexOf('@');
            value = at < 0 ? value : value.substring(0, at);
        }
        return isDigits(value) ? Optional.of(value) : Optional.empty();
    }

    /** The identity behind a core URI, if the directory knows it. */
    public Optional<Identity> byCore(String coreUri) {
        return toLegacy(coreUri).flatMap(Identities::sidOf).flatMap(directory::bySid);
    }

    /** The core AOR of a sid: the directory's, or {@code sip:<sid>@<core domain>}. */
    public String coreAorOfSid(String sid) {
        return directory.bySid(sid).map(Identity::coreAor).orElse("sip:" + sid + '@' + coreDomain);
    }

    /** The user part of a {@code sip:} URI ({@code sip:alice@sipc.local} → {@code alice}). */
    public static String userOf(String sipUri) {
        String rest = sipUri.substring(sipUri.indexOf(':') + 1);
        int at = rest.indexOf('@');
        return withoutParameters(at < 0 ? rest : rest.substring(0, at));
    }

    private static String withoutParameters(String value) {
        int semi = value.indexOf(';');
        return semi < 0 ? value : value.substring(0, semi);
    }

    private static boolean isDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isMobile(String number) {
        return number.length() == 11 && number.charAt(0) == '1' && isDigits(number);
    }

    private static boolean isPhoneNumber(String number) {
        String digits = number.startsWith("+") ? number.substring(1) : number;
        return isDigits(digits);
    }
}
