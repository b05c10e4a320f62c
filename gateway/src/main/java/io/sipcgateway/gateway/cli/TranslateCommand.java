package io.sipcgateway.gateway.cli;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.sipcgateway.mapping.identity.Identity;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.codec.InvalidSipcFrame;
import io.sipcgateway.sipc.codec.SipcParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code translate}: shows what the gateway makes of SIP-C or SIP messages, offline, with the same decoder and the
 * same mapping the gateway runs. Responses pair with a request translated earlier in the same run (by I/Q or
 * Call-ID/CSeq); dialog correlation carries from message to message.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Translate SIP-C messages to SIP and SIP messages to SIP-C, and print each translation under "
                + "its original.", "Reads the FILEs (several messages per file allowed) or standard input."},
        footer = {"", "The side is detected per file: SIP-C/ in the first line, or a method of",
                "1-3 letters, means SIP-C; SIP/2.0 means SIP.",
                "Demo identities: 916000001 alice, 916000002 bob, 916000003 carol.",
                "Exit status: 0 translated, 1 unreadable or unparsable input, 2 bad usage."})
public final class TranslateCommand implements Callable<Integer> {
    private static final Pattern IDENTITY = Pattern.compile("(\\d+)(?:/(\\d+))?=(sip:[^@\\s]+@\\S+)");

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", paramLabel = "sipc|sip", description = "Side of the input (default: detect per file).")
    private String from;

    @Option(names = "--json", description = "Print one JSON object per message instead of text.")
    private boolean json;

    @Option(names = "--sid", paramLabel = "N",
            description = "The legacy user's sid (default: read from each message, else 916000001).")
    private String sid;

    @Option(names = "--domain", paramLabel = "D", defaultValue = "sipc.local",
            description = "Core SIP domain (default: ${DEFAULT-VALUE}).")
    private String domain;

    @Option(names = "--gateway", paramLabel = "HOST:PORT", defaultValue = "gateway.sipc.local:5060",
            description = "The gateway's core-side address for Via and Contact (default: ${DEFAULT-VALUE}).")
    private String gateway;

    @Option(names = "--sipc-version", paramLabel = "2|4", defaultValue = "4",
            description = "SIP-C version of the client SIP input is translated for (default: ${DEFAULT-VALUE}).")
    private int sipcVersion;

    @Option(names = "--identity", paramLabel = "SID[/USER-ID]=AOR",
            description = "Adds a user to the demo directory, e.g. 916000022/300000022=sip:B@ps.cintel.net.cn.")
    private List<String> identities = new ArrayList<>();

    @Option(names = "--clock", paramLabel = "INSTANT", hidden = true, description = "Fixed time, ISO-8601.")
    private String clock;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files; - or none for standard input.")
    private List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        quietLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (from != null && !from.equals("sipc") && !from.equals("sip")) {
            err.println("translate: --from must be sipc or sip, not " + from);
            return 2;
        }
        if (sipcVersion != 2 && sipcVersion != 4) {
            err.println("translate: --sipc-version must be 2 or 4");
            return 2;
        }
        Clock fixed = clock == null ? Clock.systemUTC() : Clock.fixed(Instant.parse(clock), ZoneOffset.UTC);
        List<Identity> extra = new ArrayList<>();
        for (String identity : identities) {
            Matcher m = IDENTITY.matcher(identity);
            if (!m.matches()) {
                err.println("translate: --identity must look like SID[/USER-ID]=sip:user@host, not " + identity);
                return 2;
            }
            extra.add(new Identity(m.group(1), m.group(3), Optional.ofNullable(m.group(2)), Optional.empty(),
                    Optional.empty()));
        }
        TranslateSession session = new TranslateSession(domain, gateway, sid, sipcVersion, fixed, extra);
        ObjectMapper mapper = new ObjectMapper();
        int status = 0;
        for (String file : files.isEmpty() ? List.of("-") : files) {
            byte[] bytes;
            try {
                bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
            } catch (IOException e) {
                err.println("translate: " + file + ": cannot read: " + e.getMessage());
                status = 1;
                continue;
            }
            List<Outcome> outcomes = new ArrayList<>();
            Optional<String> problem = translateFile(file, bytes, session, outcomes);
            for (Outcome outcome : outcomes) {
                out.print(json ? toJson(mapper, outcome) + "\n" : outcome.human() + "\n");
            }
            out.flush();
            if (problem.isPresent()) {
                err.println("translate: " + problem.get());
                status = 1;
            }
        }
        err.flush();
        return status;
    }

    private Optional<String> translateFile(String file, byte[] bytes, TranslateSession session,
            List<Outcome> outcomes) {
        Optional<InputSplitter.Side> side = from == null ? InputSplitter.detect(bytes)
                : Optional.of(from.equals("sipc") ? InputSplitter.Side.SIPC : InputSplitter.Side.SIP);
        if (side.isEmpty()) {
            return Optional.of(file + ": byte 0: neither a SIP-C nor a SIP start line (use --from to say which)");
        }
        if (side.get() == InputSplitter.Side.SIPC) {
            SipcParser.Result result = SipcParser.parseAll(bytes);
            int index = 0;
            for (SipcMessage message : result.messages()) {
                outcomes.add(Outcome.of(file, ++index, "sipc", Outcome.text(message), session.translate(message)));
            }
            if (result.failure().isPresent()) {
                InvalidSipcFrame bad = result.failure().get();
                String why = String.valueOf(bad.cause().getMessage());
                // the decoder's messages already say "<ERROR> at byte <n>: ..."; do not say it twice
                return Optional.of(file + ": " + (why.contains("byte " + bad.offset()) ? why
                        : "byte " + bad.offset() + ": " + bad.error() + ": " + why));
            }
            return Optional.empty();
        }
        int index = 0;
        for (InputSplitter.Framed framed : InputSplitter.frameSip(bytes)) {
            SIPMessage message;
            try {
                message = new StringMsgParser().parseSIPMessage(framed.bytes(), true, false, null);
            } catch (ParseException e) {
                return Optional.of(file + ": byte " + (framed.offset() + Math.max(0, e.getErrorOffset()))
                        + ": not SIP: " + e.getMessage());
            }
            String input = new String(framed.bytes(), StandardCharsets.UTF_8);
            outcomes.add(Outcome.of(file, ++index, "sip", input, session.translate(message)));
        }
        return Optional.empty();
    }

    /** Netty and jain-sip log at DEBUG by default; translate's output is the translation, nothing else. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    private static String toJson(ObjectMapper mapper, Outcome outcome) {
        try {
            return mapper.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for a plain record", e);
        }
    }
}
