package io.sipcgateway.gateway.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hides secrets before any sink sees a message (issue 6 item 4): digest and RSA responses, passwords, credentials and
 * {@code ssic} cookies become {@value #MASK}; with body redaction, every body becomes {@code [redacted N bytes]}.
 * <ul>
 *   <li>In {@code A} / {@code Authorization} / {@code Proxy-Authorization} values every parameter is masked except the
 *       non-secret ones in {@link #AUTH_KEEP} (v2 {@code Digest response/cnonce/salt}, v4 {@code Digest response="<RSA
 *       hex>"}, {@code Verify response}, {@code TICKS auth}, {@code CS credential}: reference section 3).</li>
 *   <li>Anywhere (headers, bodies, cookies, URLs): {@code response=}, {@code auth=}, {@code credential=},
 *       {@code password=}, {@code pwd=}, {@code kernel=}, {@code ssic=}, {@code v4digest=}, and the XML attribute
 *       {@code c="..."} of {@code <credential>} (reference section 7.2 items 1 and 5).</li>
 * </ul>
 * Masking changes lengths; wire sinks restore framing with {@link WireText#fixContentLength}. The JSON log keeps the
 * original {@code L}, so a redacted body still reads {@code L: 375} ... {@code [redacted 375 bytes]}.
 */
public final class Masking {
    public static final String MASK = "***";

    /** Authorization parameters that carry no secret (RFC 3261 22.4 / RFC 2617 3.2.2; reference section 3). */
    static final Set<String> AUTH_KEEP = Set.of("algorithm", "username", "realm", "nonce", "uri", "qop", "nc",
            "cnonce", "opaque", "type", "chid", "domain", "address");

    private static final String SECRET_NAMES = "response|auth|credential|password|passwd|pwd|kernel|ssic|v4digest";
    static final Pattern QUOTED =
            Pattern.compile("(?<![\\w-])(" + SECRET_NAMES + "|c)(\\s*=\\s*)\"[^\"]*\"", Pattern.CASE_INSENSITIVE);
    static final Pattern UNQUOTED =
            Pattern.compile("(?<![\\w-])(" + SECRET_NAMES + ")(\\s*=\\s*)(?![\"\\s])[^\\s\",;&>]+",
                    Pattern.CASE_INSENSITIVE);
    static final Pattern ELEMENT =
            Pattern.compile("<(password|pwd|passwd|credential|response)>[^<]*</\\1>", Pattern.CASE_INSENSITIVE);
    /** The authorization header lines: {@code ^(?:A|Authorization|Proxy-Authorization)[ \t]*:}, any ASCII case. */
    private static final List<String> AUTH_HEADER_NAMES = List.of("a", "authorization", "proxy-authorization");
    /** The names {@link #QUOTED} and {@link #UNQUOTED} look for, lower case. */
    private static final List<String> ASSIGNED_NAMES =
            Stream.concat(Stream.of(SECRET_NAMES.split("\\|")), Stream.of("c")).toList();
    /** The element names {@link #ELEMENT} looks for, lower case. */
    private static final List<String> ELEMENT_NAMES = List.of("password", "pwd", "passwd", "credential", "response");
    private static final Pattern AUTH_PARAM = Pattern.compile("([\\w-]+)(\\s*=\\s*)(\"[^\"]*\"|[^\\s\",]+)");

    private Masking() {
    }

    /** The event with secrets masked in both legs and the reason, and bodies redacted if asked. */
    public static TranslationEvent apply(TranslationEvent e, boolean redactBodies) {
        List<String> sip = new ArrayList<>(e.sip().size());
        for (String message : e.sip()) {
            sip.add(message(message, redactBodies));
        }
        TranslationEvent.Outcome o = e.outcome();
        TranslationEvent.Outcome outcome = new TranslationEvent.Outcome(o.kind(), o.legacyStatus(), o.sipStatus(),
                o.latencyMicros(), o.reason().map(Masking::mask));
        return new TranslationEvent(e.id(), e.time(), e.connection(), e.legacyPeer(), e.gatewayLegacy(),
                e.corePeer(), e.gatewayCore(), e.user(), e.direction(), message(e.sipc(), redactBodies), sip,
                e.correlation(), outcome);
    }

    /** One message: secrets masked, then the body redacted if asked. */
    public static String message(String text, boolean redactBody) {
        String masked = mask(text);
        return redactBody ? redactBody(masked) : masked;
    }

    /**
     * Masks secrets anywhere in {@code text}; authorization header lines get the stricter per-parameter rule. The
     * regular expressions run only when a cheap scan finds what they need ({@link #mayAssignSecret},
     * {@link #mayHoldSecretElement}): most messages hold no secret, and the three scans of the whole text took 40% of
     * the recorder thread (issue 6, JFR of the inspection benchmark).
     */
    public static String mask(String text) {
        String result = maskAuthorizationLines(text);
        if (mayAssignSecret(result)) {
            result = QUOTED.matcher(result).replaceAll("$1$2\"" + MASK + "\"");
            result = UNQUOTED.matcher(result).replaceAll("$1$2" + MASK);
        }
        // Masking values cannot make a new <name> element: what it writes holds no '<', '>' or letter.
        return mayHoldSecretElement(result) ? ELEMENT.matcher(result).replaceAll("<$1>" + MASK + "</$1>") : result;
    }

    /** The text with every authorization header line masked; the text itself if there is none. */
    private static String maskAuthorizationLines(String text) {
        int bodyOffset = WireText.bodyOffset(text);
        StringBuilder out = null;
        int copied = 0;
        int start = 0;
        while (start < bodyOffset) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 || nl >= bodyOffset ? bodyOffset : nl + 1;
            if (isAuthorizationLine(text, start, end)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, start).append(maskAuthorization(text.substring(start, end)));
                copied = end;
            }
            start = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Whether the line from {@code start} is an authorization header: {@code ^(?:A|Authorization|Proxy-Authorization)
     * [ \t]*:} in any ASCII case, checked without a substring and a matcher per header line.
     */
    static boolean isAuthorizationLine(String text, int start, int end) {
        for (String name : AUTH_HEADER_NAMES) {
            int k = start + name.length();
            if (k <= end && asciiEqualsIgnoreCase(text, start, name)) {
                while (k < end && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                    k++;
                }
                if (k < end && text.charAt(k) == ':') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * False only if neither {@link #QUOTED} nor {@link #UNQUOTED} can match: no {@code =} has one of their names
     * before it (after optional white space) as a whole word not preceded by {@code -}, which is what their
     * {@code (?<![\\w-])(names)(\\s*=)} requires.
     */
    static boolean mayAssignSecret(String text) {
        for (int eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
            int end = eq;
            while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
                end--;
            }
            int begin = end;
            while (begin > 0 && isWordChar(text.charAt(begin - 1))) {
                begin--;
            }
            if (begin < end && (begin == 0 || text.charAt(begin - 1) != '-') && isSecretName(text, begin, end)) {
                return true;
            }
        }
        return false;
    }

    /** False only if {@link #ELEMENT} cannot match: no {@code <name>} of its names, in any case, is in the text. */
    static boolean mayHoldSecretElement(String text) {
        for (int lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
            for (String name : ELEMENT_NAMES) {
                int close = lt + 1 + name.length();
                if (close < text.length() && text.charAt(close) == '>' && asciiEqualsIgnoreCase(text, lt + 1, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSecretName(String text, int begin, int end) {
        for (String name : ASSIGNED_NAMES) {
            if (name.length() == end - begin && asciiEqualsIgnoreCase(text, begin, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} holds {@code lowerName} at {@code offset}, ignoring ASCII case only, as the patterns do
     * ({@link Pattern#CASE_INSENSITIVE} without {@code UNICODE_CASE}).
     */
    private static boolean asciiEqualsIgnoreCase(String text, int offset, String lowerName) {
        if (offset + lowerName.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < lowerName.length(); i++) {
            char c = text.charAt(offset + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code \\w} without {@code UNICODE_CHARACTER_CLASS}. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** {@code \\s} without {@code UNICODE_CHARACTER_CLASS}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** Replaces a non-empty body by {@code [redacted N bytes]}, N being its UTF-8 length; headers stay. */
    public static String redactBody(String text) {
        String body = WireText.body(text);
        if (body.isEmpty()) {
            return text;
        }
        return WireText.replaceBody(text, "[redacted " + WireText.utf8Length(body) + " bytes]");
    }

    private static String maskAuthorization(String line) {
        int colon = line.indexOf(':');
        Matcher m = AUTH_PARAM.matcher(line);
        m.region(colon + 1, line.length());
        StringBuilder out = new StringBuilder(line.length());
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(3);
            String masked = AUTH_KEEP.contains(name) ? value : value.startsWith("\"") ? "\"" + MASK + "\"" : MASK;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + masked));
        }
        m.appendTail(out);
        return out.toString();
    }
}
