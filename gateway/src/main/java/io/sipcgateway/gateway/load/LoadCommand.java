package io.sipcgateway.gateway.load;

import ch.qos.logback.classic.Level;
import io.sipcgateway.gateway.config.HostAndPort;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code load}: opens many legacy sessions on one gateway and measures logins and message relay
 * ({@link LoadEngine}). Progress goes to stderr every second, the report to stdout.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Open N legacy sessions (v2/v4 mix) at a ramp, sign them in as the generated accounts "
                + "(see generate-accounts), optionally set presence and subscribe, send messages between them "
                + "open-loop at a rate (or closed-loop), a share of them to a standard SIP user on the core, then report sessions, throughput, latency percentiles and errors by status."},
        footer = {"", "Example:",
                "  generate-accounts --count 1000 --out accounts.yaml",
                "  run --accounts accounts.yaml ...   (in another shell)",
                "  load --server 127.0.0.1:8080 --sessions 1000 --ramp 200 --rate 500 --duration 30",
                "", "Exit status: 0 no errors; 1 some errors; 2 bad usage."})
public final class LoadCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "HOST:PORT", description = "The gateway's SIP-C front.")
    private String server;

    @Option(names = "--sessions", required = true, paramLabel = "N", description = "Sessions to open.")
    private int sessions;

    @Option(names = "--first-account", paramLabel = "I", defaultValue = "0",
            description = "Index of the first generated account. Default: ${DEFAULT-VALUE}.")
    private int firstAccount;

    @Option(names = "--ramp", paramLabel = "PER_SECOND", defaultValue = "100",
            description = "New sessions per second. Default: ${DEFAULT-VALUE}.")
    private double ramp;

    @Option(names = "--v2-share", paramLabel = "FRACTION", defaultValue = "0.5",
            description = "Share of SIP-C/2.0 sessions, the rest SIP-C/4.0. Default: ${DEFAULT-VALUE}.")
    private double v2Share;

    @Option(names = "--rate", paramLabel = "MSGS_PER_SECOND", defaultValue = "0",
            description = "Messages per second once all are signed in; 0 for none. Default: ${DEFAULT-VALUE}.")
    private double rate;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "0",
            description = {"Send closed-loop instead of at --rate: keep N messages unanswered, each answer sending "
                    + "the next; the steady rate is then the most the gateway carries. Default: ${DEFAULT-VALUE} "
                    + "(open loop)."})
    private int inFlight;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to send messages. Default: ${DEFAULT-VALUE}.")
    private long duration;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "0",
            description = "Leave the first seconds of --duration out of the percentiles. Default: ${DEFAULT-VALUE}.")
    private long warmup;

    @Option(names = "--hold", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stay signed in, idle, this long after the messages. Default: ${DEFAULT-VALUE}.")
    private long hold;

    @Option(names = "--subscribe", description = "Subscribe each session to its buddies' presence.")
    private boolean subscribe;

    @Option(names = "--presence", description = "Set each session's presence to 400 (online) after login.")
    private boolean presence;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Bound on every answer. Default: ${DEFAULT-VALUE}.")
    private long timeout;

    @Option(names = "--login-threads", paramLabel = "N", defaultValue = "32",
            description = "Logins in progress at once. Default: ${DEFAULT-VALUE}.")
    private int loginThreads;

    @Option(names = "--io-threads", paramLabel = "N", defaultValue = "2",
            description = "Event loop threads shared by all sessions. Default: ${DEFAULT-VALUE}.")
    private int ioThreads;

    @Option(names = "--sip-peer", paramLabel = "SIP_URI",
            description = {"A standard SIP user on the core (e.g. a sipp UAS registered there, see "
                    + "gateway/load/) that receives --sip-peer-share of the messages."})
    private String sipPeer;

    @Option(names = "--sip-peer-share", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of the messages sent to --sip-peer. Default: ${DEFAULT-VALUE}.")
    private double sipPeerShare;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LoadConfig config;
        try {
            HostAndPort target = HostAndPort.parse(server);
            config = new LoadConfig(target.host(), target.port(), sessions, firstAccount, ramp, v2Share, rate,
                    inFlight, Duration.ofSeconds(duration), Duration.ofSeconds(warmup), Duration.ofSeconds(hold), subscribe,
                    presence, Duration.ofSeconds(timeout), loginThreads, ioThreads,
                    Optional.ofNullable(sipPeer).map(uri -> new LoadConfig.SipPeer(uri, sipPeerShare)));
        } catch (IllegalArgumentException e) {
            err.println("load: " + e.getMessage());
            return 2;
        }
        // The client's own warnings (one per failed keep-alive...) would drown the progress lines; errors are
        // counted in the report instead.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.sipcgateway.gateway.client"))
                .setLevel(Level.ERROR);
        LoadReport report = LoadEngine.run(config, line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? report.json() : report.text());
        out.flush();
        return report.errorCount() == 0 && report.signedIn() == report.sessions() ? 0 : 1;
    }
}
