package io.sipcgateway.sipc;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A SIP-C header name, knowing its compact (wire) and long spelling. The decoder, {@link SipcHeaders} and the
 * mapping's header table all use this one definition (STYLE 5.3). Lookup is case-insensitive on either spelling;
 * unknown names become extension names that keep the spelling seen. The letters and their meanings are reference
 * section 3; names with no known meaning get an {@code X-Fetion-} long name so that they survive as SIP extension
 * headers. {@code EP}, {@code RB}, {@code RT}, {@code RM}, {@code UK} and {@code E} are absent on purpose: no client,
 * fixture or capture shows them.
 */
public final class SipcHeaderName {
    public static final SipcHeaderName FROM = known("F", "From");
    public static final SipcHeaderName TO = known("T", "To");
    public static final SipcHeaderName CALL_ID = known("I", "Call-ID");
    public static final SipcHeaderName CSEQ = known("Q", "CSeq");
    public static final SipcHeaderName CONTENT_LENGTH = known("L", "Content-Length");
    public static final SipcHeaderName CONTENT_TYPE = known("C", "Content-Type");
    /** The event package on SUB/BN, the operation on S, the message kind on M (section 3). */
    public static final SipcHeaderName EVENT = known("N", "Event");
    /** Capabilities and message flags; repeats (section 3). */
    public static final SipcHeaderName SUPPORTED = known("K", "Supported");
    public static final SipcHeaderName AUTHORIZATION = known("A", "Authorization");
    public static final SipcHeaderName WWW_AUTHENTICATE = known("W", "WWW-Authenticate");
    public static final SipcHeaderName EXPIRES = known("X", "Expires");
    public static final SipcHeaderName DATE = known("D", "Date");
    /** Message id, 32 hex; the same XI reaches both parties, so it de-duplicates (section 3). */
    public static final SipcHeaderName MESSAGE_ID = known("XI", "X-Fetion-Message-ID");
    public static final SipcHeaderName CLIENT_NONCE = known("CN", "X-Fetion-Client-Nonce");
    public static final SipcHeaderName CLIENT_INFO = known("CL", "X-Fetion-Client-Info");
    public static final SipcHeaderName AK = known("AK", "X-Fetion-AK");
    public static final SipcHeaderName AL = known("AL", "X-Fetion-AL");
    /** The real sender of a message relayed through a group. */
    public static final SipcHeaderName SOURCE = known("SO", "X-Fetion-Source");
    public static final SipcHeaderName SV = known("SV", "X-Fetion-SV");
    public static final SipcHeaderName RQ = known("RQ", "X-Fetion-RQ");

    /** Every known name; the order is the table's, for documentation and exhaustive tests. */
    public static final List<SipcHeaderName> KNOWN = List.of(FROM, TO, CALL_ID, CSEQ, CONTENT_LENGTH, CONTENT_TYPE,
            EVENT, SUPPORTED, AUTHORIZATION, WWW_AUTHENTICATE, EXPIRES, DATE, MESSAGE_ID, CLIENT_NONCE, CLIENT_INFO,
            AK, AL, SOURCE, SV, RQ);

    /** Compact names are one or two letters; indexed by {@code (a - 'A') * 27 + (b == 0 ? 26 : b - 'A')}. */
    private static final SipcHeaderName[] BY_LETTERS = new SipcHeaderName[26 * 27];
    private static final Map<String, SipcHeaderName> BY_LOWER_NAME = new HashMap<>();

    static {
        for (SipcHeaderName name : KNOWN) {
            String c = name.compact;
            int slot = slot(c.charAt(0), c.length() == 2 ? c.charAt(1) : 0);
            if (slot < 0 || BY_LETTERS[slot] != null) {
                throw new ExceptionInInitializerError("bad or duplicate compact header name " + c);
            }
            BY_LETTERS[slot] = name;
            for (String spelling : new String[] {c, name.longName}) {
                SipcHeaderName previous = BY_LOWER_NAME.put(spelling.toLowerCase(Locale.ROOT), name);
                if (previous != null && previous != name) {
                    throw new ExceptionInInitializerError("header spelling used twice: " + spelling);
                }
            }
        }
    }

    private final String compact;
    private final String longName;
    private final boolean known;

    private SipcHeaderName(String compact, String longName, boolean known) {
        this.compact = compact;
        this.longName = longName;
        this.known = known;
    }

    private static SipcHeaderName known(String compact, String longName) {
        return new SipcHeaderName(compact, longName, true);
    }

    /**
     * The name for a wire or long spelling, case-insensitive; an unknown token becomes an extension name.
     *
     * @throws IllegalArgumentException if {@code name} is not an RFC 3261 token
     */
    public static SipcHeaderName of(String name) {
        Objects.requireNonNull(name, "name");
        SipcHeaderName found = forCompact(name);
        if (found == null) {
            found = BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT));
        }
        if (found != null) {
            return found;
        }
        if (!SipcSyntax.isToken(name)) {
            throw new IllegalArgumentException("not a header name: '" + name + "'");
        }
        return new SipcHeaderName(name, name, false);
    }

    /**
     * The known name whose compact spelling is {@code name} (one or two ASCII letters, any case), or null. This is
     * the decoder's allocation-free fast path.
     */
    public static SipcHeaderName forCompact(CharSequence name) {
        int n = name.length();
        if (n == 1) {
            return forLetters(name.charAt(0), 0);
        }
        if (n == 2) {
            return forLetters(name.charAt(0), name.charAt(1));
        }
        return null;
    }

    /** As {@link #forCompact(CharSequence)}, from one or two raw characters; {@code second == 0} for one letter. */
    public static SipcHeaderName forLetters(int first, int second) {
        int slot = slot(first, second);
        return slot < 0 ? null : BY_LETTERS[slot];
    }

    private static int slot(int first, int second) {
        int a = (first | 0x20) - 'a';
        if (a < 0 || a >= 26) {
            return -1;
        }
        if (second == 0) {
            return a * 27 + 26;
        }
        int b = (second | 0x20) - 'a';
        return b < 0 || b >= 26 ? -1 : a * 27 + b;
    }

    /** The canonical spelling written on the wire: the compact letters, or an extension name as seen. */
    public String compact() {
        return compact;
    }

    /** The long spelling, e.g. {@code Call-ID}; for an extension name, the name as seen. */
    public String longName() {
        return longName;
    }

    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        // Known names are singletons; extension names compare case-insensitively, like SIP header names.
        return o instanceof SipcHeaderName other && !known && !other.known && compact.equalsIgnoreCase(other.compact);
    }

    @Override
    public int hashCode() {
        return known ? System.identityHashCode(this) : compact.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return compact;
    }
}
