package io.sipcgateway.gateway.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern QUOTED =
            Pattern.compile("(?<![\\w-])(" + SECRET_NAMES + "|c)(\\s*=\\s*)\"[^\"]*\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNQUOTED =
            Pattern.compile("(?<![\\w-])(" + SECRET_NAMES + ")(\\s*=\\s*)(?![\"\\s])[^\\s\",;&>]+",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern ELEMENT =
            Pattern.compile("<(password|pwd|passwd|credential|response)>[^<]*</\\1>", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH_HEADER =
            Pattern.compile("^(?:A|Authorization|Proxy-Authorization)[ \\t]*:", Pattern.CASE_INSENSITIVE);
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

    /** Masks secrets anywhere in {@code text}; authorization header lines get the stricter per-parameter rule. */
    public static String mask(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int bodyOffset = WireText.bodyOffset(text);
        int start = 0;
        while (start < bodyOffset) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 || nl >= bodyOffset ? bodyOffset : nl + 1;
            String line = text.substring(start, end);
            out.append(AUTH_HEADER.matcher(line).lookingAt() ? maskAuthorization(line) : line);
            start = end;
        }
        out.append(text, bodyOffset, text.length());
        String result = QUOTED.matcher(out).replaceAll("$1$2\"" + MASK + "\"");
        result = UNQUOTED.matcher(result).replaceAll("$1$2" + MASK);
        return ELEMENT.matcher(result).replaceAll("<$1>" + MASK + "</$1>");
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
