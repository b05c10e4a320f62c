package io.sipcgateway.gateway.inspect;

import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.gateway.inspect.TranslationEvent.Correlation;
import io.sipcgateway.gateway.inspect.TranslationEvent.Direction;
import io.sipcgateway.gateway.inspect.TranslationEvent.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Translation pairs built from the fixtures: a v4 login, a CatMsg and a PresenceV4 subscription, each there and back.
 * Addresses are documentation ranges (RFC 5737); they only appear inside files and HEP payloads.
 */
public final class Pairs {
    public static final String LEGACY_PEER = "192.0.2.10:40001";
    public static final String GATEWAY_LEGACY = "192.0.2.1:8080";
    public static final String GATEWAY_CORE = "192.0.2.1:5060";
    public static final String CORE_PEER = "198.51.100.5:5060";

    /** Pieces of the secrets in the login pair; none may reach a sink. */
    public static final String RSA_RESPONSE = "5BEDDBF223DE6B3CBA9BBE81BE8F9DD9D3B8550C"; // sample 03
    public static final String KERNEL = "bBTFdUfekBbVDSRJtp+YybH4bb6D1ZUc"; // sample 06
    public static final String CREDENTIAL = "tzTavUsAZdgV45arZ3NoRxlRxk6I4cOc"; // sample 06
    public static final String SIP_RESPONSE = "6629fae49393a05397450978507c4ef1";
    public static final List<String> SECRETS = List.of(RSA_RESPONSE, KERNEL, CREDENTIAL, SIP_RESPONSE);

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private Pairs() {
    }

    /** R (sample 03) → REGISTER with a digest Authorization; 200 → 200 OK with credentials (sample 06). */
    public static List<TranslationEvent> login() {
        String register = fixture("cases/register-v4-auth/core.sip").replace("Max-Forwards: 70\r\n",
                "Max-Forwards: 70\r\nAuthorization: Digest username=\"alice\",realm=\"sipc.local\",nonce=\"4f1a\","
                        + "uri=\"sip:sipc.local\",response=\"" + SIP_RESPONSE + "\",algorithm=MD5\r\n");
        return List.of(
                event(1, Direction.LEGACY_TO_CORE, fixture("sipc/login-v4/03-c2s-register-auth.sipc"),
                        List.of(register), correlation("2", "c2@gateway.sipc.local"), success(200, 1800)),
                event(2, Direction.CORE_TO_LEGACY, fixture("sipc/login-v4/06-s2c-200-ok.sipc"),
                        List.of(fixture("cases/register-v4-200-ok/core.sip").replace("c3@", "c2@")),
                        correlation("2", "c2@gateway.sipc.local"), success(200, 0)));
    }

    /** M CatMsg (sample 21) → MESSAGE; 200 → 200 (sample 22). */
    public static List<TranslationEvent> message() {
        return List.of(
                event(3, Direction.LEGACY_TO_CORE, fixture("cases/m-catmsg-v4/legacy.sipc"),
                        List.of(fixture("cases/m-catmsg-v4/core.sip")), correlation("27", "m1@gateway.sipc.local"),
                        success(200, 2500)),
                event(4, Direction.CORE_TO_LEGACY, fixture("cases/m-catmsg-200-v4/legacy.sipc"),
                        List.of(fixture("cases/m-catmsg-200-v4/core.sip")), correlation("27", "m1@gateway.sipc.local"),
                        success(200, 0)));
    }

    /** SUB PresenceV4 (sample 08) → two SUBSCRIBEs (fan-out); 200 (sample 09) ← the first 200. */
    public static List<TranslationEvent> presence() {
        List<String> subscribes = splitSip(fixture("cases/sub-presencev4-fanout/core.sip"));
        String ok = "SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP gateway.sipc.local:5060;branch=z9hG4bKs4\r\n"
                + "From: <sip:alice@sipc.local>;tag=t4\r\nTo: <sip:bob@sipc.local>;tag=r4\r\n"
                + "Call-ID: s4@gateway.sipc.local\r\nCSeq: 2 SUBSCRIBE\r\nExpires: 3600\r\nContent-Length: 0\r\n\r\n";
        return List.of(
                event(5, Direction.LEGACY_TO_CORE, fixture("sipc/presence-v4/01-c2s-sub-presencev4.sipc"), subscribes,
                        correlation("3", "s4@gateway.sipc.local"), success(200, 3100)),
                event(6, Direction.CORE_TO_LEGACY, fixture("sipc/presence-v4/02-s2c-sub-200-ok.sipc"), List.of(ok),
                        correlation("3", "s4@gateway.sipc.local"), success(200, 0)));
    }

    public static List<TranslationEvent> all() {
        return Stream.of(login(), message(), presence()).flatMap(List::stream).toList();
    }

    public static TranslationEvent event(long id, Direction direction, String sipc, List<String> sip,
            Correlation correlation, Outcome outcome) {
        return new TranslationEvent(id, T0.plusMillis(10 * id), "c1", LEGACY_PEER, GATEWAY_LEGACY, CORE_PEER,
                GATEWAY_CORE, Optional.of("916000001"), direction, sipc, sip, correlation, outcome);
    }

    /** A small event with no secrets, numbered {@code id}. */
    public static TranslationEvent plain(long id) {
        String sipc = "R fetion.com.cn SIP-C/4.0\r\nF: 916000001\r\nI: " + id + "\r\nQ: 2 R\r\n\r\n";
        Correlation correlation = new Correlation("c1:" + id, Optional.of(Long.toString(id)), Optional.of("2 R"),
                List.of(), List.of(), List.of());
        Outcome outcome = new Outcome(Outcome.Kind.ONE_WAY, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        return event(id, Direction.LOCAL, sipc, List.of(), correlation, outcome);
    }

    static Correlation correlation(String legacyCallId, String sipCallId) {
        return new Correlation("c1:" + legacyCallId, Optional.of(legacyCallId), Optional.of("2"), List.of(sipCallId),
                List.of("2"), List.of());
    }

    static Outcome success(int status, long micros) {
        return new Outcome(Outcome.Kind.SUCCESS, Optional.of(status), Optional.of(status),
                micros > 0 ? Optional.of(micros) : Optional.empty(), Optional.empty());
    }

    public static String fixture(String path) {
        return new String(Fixtures.bytes(path), StandardCharsets.UTF_8);
    }

    /** Splits concatenated SIP messages whose bodies are empty or framed by Content-Length. */
    static List<String> splitSip(String text) {
        List<String> messages = new ArrayList<>();
        String rest = text;
        while (!rest.isBlank()) {
            int bodyOffset = WireText.bodyOffset(rest);
            String head = rest.substring(0, bodyOffset);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            int end = bodyOffset + length;
            messages.add(rest.substring(0, end));
            rest = rest.substring(end);
        }
        return messages;
    }
}
