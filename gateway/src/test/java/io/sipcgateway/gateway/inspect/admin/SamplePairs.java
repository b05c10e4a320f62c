package io.sipcgateway.gateway.inspect.admin;

import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.TranslationEvent.Correlation;
import io.sipcgateway.gateway.inspect.TranslationEvent.Direction;
import io.sipcgateway.gateway.inspect.TranslationEvent.Outcome;
import io.sipcgateway.gateway.inspect.TranslationEvent.Outcome.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Translation pairs shaped like the gateway's: a presence SUB fanned out to two SUBSCRIBEs, a message, a NOTIFY. */
public final class SamplePairs {
    public static final String ALICE = "916000001";
    public static final String BOB = "916000002";
    public static final Instant T0 = Instant.parse("2024-05-16T02:16:00.123Z");

    private SamplePairs() {
    }

    /** {@code SUB} from alice → two {@code SUBSCRIBE}s; 200 back to the client, 202 from the core. */
    public static TranslationEvent subscribe(long id, String user) {
        String sipc = "SUB fetion.com.cn SIP-C/4.0\r\nF: " + user + "\r\nI: 5\r\nQ: 1 SUB\r\nN: presence\r\n"
                + "L: 0\r\n\r\n";
        return event(id, user, Direction.LEGACY_TO_CORE, sipc,
                List.of(sip("SUBSCRIBE sip:bob@sipc.local SIP/2.0", "5-1", "1 SUBSCRIBE"),
                        sip("SUBSCRIBE sip:carol@sipc.local SIP/2.0", "5-2", "1 SUBSCRIBE")),
                "5", new Outcome(Kind.SUCCESS, Optional.of(200), Optional.of(202), Optional.of(3100L),
                        Optional.empty()));
    }

    /** {@code M} from alice → {@code MESSAGE}; a 200 on both legs. */
    public static TranslationEvent message(long id, String user, String text) {
        String sipc = "M fetion.com.cn SIP-C/4.0\r\nF: " + user + "\r\nI: 27\r\nQ: 2 M\r\nT: sip:" + BOB
                + "@fetion.com.cn\r\nL: " + text.length() + "\r\n\r\n" + text;
        return event(id, user, Direction.LEGACY_TO_CORE, sipc,
                List.of(sip("MESSAGE sip:bob@sipc.local SIP/2.0", "m27", "2 MESSAGE")), "27",
                new Outcome(Kind.SUCCESS, Optional.of(200), Optional.of(200), Optional.of(1800L), Optional.empty()));
    }

    /** The core's {@code NOTIFY} for alice's subscription (same legacy dialog, I: 5) → {@code BN}. */
    public static TranslationEvent notify(long id, String user) {
        String sipc = "BN " + user + " SIP-C/4.0\r\nI: 5\r\nQ: 2 BN\r\nN: PresenceV4\r\nL: 0\r\n\r\n";
        return event(id, user, Direction.CORE_TO_LEGACY, sipc,
                List.of(sip("NOTIFY sip:alice@gateway.sipc.local SIP/2.0", "5-1", "2 NOTIFY")), "5",
                new Outcome(Kind.SUCCESS, Optional.of(200), Optional.of(200), Optional.of(900L), Optional.empty()));
    }

    /** A method the mapping does not know: answered 501 by the gateway, no SIP leg. */
    public static TranslationEvent unmapped(long id, String user) {
        String sipc = "S fetion.com.cn SIP-C/4.0\r\nF: " + user + "\r\nI: 9\r\nQ: 1 S\r\nN: PGGetGroupList\r\n\r\n";
        return event(id, user, Direction.LOCAL, sipc, List.of(), "9", new Outcome(Kind.FAILED, Optional.of(501),
                Optional.empty(), Optional.of(200L), Optional.of("unmapped <PGGetGroupList> & friends")));
    }

    private static TranslationEvent event(long id, String user, Direction direction, String sipc, List<String> sip,
            String legacyCallId, Outcome outcome) {
        Correlation correlation = new Correlation("c-" + legacyCallId, Optional.of(legacyCallId),
                Optional.of(sipc.contains("Q: 2") ? "2" : "1"),
                sip.stream().map(s -> s.substring(s.indexOf("Call-ID: ") + 9, s.indexOf("\r\nCSeq"))).toList(),
                sip.stream().map(s -> s.substring(s.indexOf("CSeq: ") + 6, s.indexOf("\r\nContent"))).toList(),
                sip.stream().map(s -> "z9hG4bK" + s.hashCode()).toList());
        return new TranslationEvent(id, T0.plusMillis(id * 250), "conn-" + user, "192.0.2.10:51234",
                "127.0.0.1:8080", "127.0.0.1:5060", "127.0.0.1:5070", Optional.of(user), direction, sipc, sip,
                correlation, outcome);
    }

    private static String sip(String startLine, String callId, String cseq) {
        return startLine + "\r\nVia: SIP/2.0/TCP gateway.sipc.local:5070\r\nCall-ID: " + callId
                + "@gateway.sipc.local\r\nCSeq: " + cseq + "\r\nContent-Length: 0\r\n\r\n";
    }
}
