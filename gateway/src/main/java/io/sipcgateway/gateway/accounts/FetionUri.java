package io.sipcgateway.gateway.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * Legacy Fetion URIs, {@code sip:<sid>@fetion.com.cn;p=<n>} (section 3, {@code F}/{@code T}). The real server's
 * {@code p} was a server partition number that clients keep as an opaque parameter (section 11, GUESS); the
 * gateway derives a stable four-digit value from the sid, so that one sid always has one URI.
 */
public final class FetionUri {
    /** The SIP-C domain, also the request target of every client request (section 1.1). */
    public static final String DOMAIN = "fetion.com.cn";

    private static final String SCHEME = "sip:";

    private FetionUri() {
    }

    /** {@code sip:<sid>@fetion.com.cn;p=<n>}. */
    public static String of(String sid) {
        AccountRules.require(AccountRules.sid(sid), "sid");
        return SCHEME + sid + "@" + DOMAIN + ";p=" + partition(sid);
    }

    /** The stable {@code p} of a sid: 1000 to 9999, like the captures' values (1414, 5005, 6907). */
    public static int partition(String sid) {
        return 1000 + (int) (Long.parseLong(sid) % 9000);
    }

    /**
     * The sid in a Fetion URI: {@code sip:<sid>@fetion.com.cn[;params]} or the bare {@code sip:<sid>} that v4
     * {@code GetContactInfoV4} sends (section 4.1). Empty for anything else, including {@code tel:} URIs.
     */
    public static Optional<String> tryParseSid(String uri) {
        String value = uri.strip();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        int end = value.length();
        int semicolon = value.indexOf(';');
        if (semicolon >= 0) {
            end = semicolon;
        }
        int at = value.indexOf('@');
        if (at >= 0 && at < end) {
            if (!value.substring(at + 1, end).toLowerCase(Locale.ROOT).equals(DOMAIN)) {
                return Optional.empty();
            }
            end = at;
        }
        String sid = value.substring(SCHEME.length(), end);
        return AccountRules.sid(sid).isEmpty() ? Optional.of(sid) : Optional.empty();
    }

    /** The mobile number of a {@code tel:<11 digits>} URI, if {@code uri} is one. */
    public static Optional<String> tryParseMobile(String uri) {
        String value = uri.strip();
        if (!value.regionMatches(true, 0, "tel:", 0, 4)) {
            return Optional.empty();
        }
        String mobile = value.substring(4);
        return AccountRules.mobile(mobile).isEmpty() ? Optional.of(mobile) : Optional.empty();
    }
}
