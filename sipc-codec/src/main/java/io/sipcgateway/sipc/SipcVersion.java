package io.sipcgateway.sipc;

import java.util.Optional;

/**
 * A protocol version token, {@code SIP-C/<major>.<minor>}. {@link #V2} (2006-2009) and {@link #V4} (2009 on) are
 * the two real ones; any other {@code SIP-C/x.y} is kept as seen (libofetion builds a local {@code SIP-C/3.0},
 * reference section 1.1).
 */
public record SipcVersion(int major, int minor) {
    public static final SipcVersion V2 = new SipcVersion(2, 0);
    public static final SipcVersion V4 = new SipcVersion(4, 0);

    private static final String PREFIX = "SIP-C/";

    public SipcVersion {
        if (major < 0 || minor < 0 || major > 99 || minor > 99) {
            throw new IllegalArgumentException("version out of range: " + major + "." + minor);
        }
    }

    /** Parses {@code SIP-C/x.y}, where x and y are one or two digits; empty for anything else. */
    public static Optional<SipcVersion> tryParse(CharSequence text) {
        int n = text.length();
        if (n < PREFIX.length() + 3 || n > PREFIX.length() + 5) {
            return Optional.empty();
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            if (text.charAt(i) != PREFIX.charAt(i)) {
                return Optional.empty();
            }
        }
        int dot = -1;
        for (int i = PREFIX.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' && dot < 0) {
                dot = i;
            } else if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        if (dot < 0 || dot == PREFIX.length() || dot == n - 1 || dot - PREFIX.length() > 2 || n - dot - 1 > 2) {
            return Optional.empty();
        }
        int major = Integer.parseInt(text, PREFIX.length(), dot, 10);
        int minor = Integer.parseInt(text, dot + 1, n, 10);
        if (major == 2 && minor == 0) {
            return Optional.of(V2);
        }
        if (major == 4 && minor == 0) {
            return Optional.of(V4);
        }
        return Optional.of(new SipcVersion(major, minor));
    }

    /** True if {@code text} starts like a version token; a status line begins with one (pkts SipInitialLine). */
    public static boolean looksLikeVersion(CharSequence text) {
        return text.length() >= PREFIX.length() && PREFIX.contentEquals(text.subSequence(0, PREFIX.length()));
    }

    @Override
    public String toString() {
        return PREFIX + major + "." + minor;
    }
}
