package io.sipcgateway.gateway.client;

import ch.qos.logback.classic.Level;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.sipc.SipcVersion;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code client}: signs in to a gateway's SIP-C front as a legacy Fetion client, does the actions asked for, prints
 * every message both ways while it runs, and logs out. Registered as a subcommand of the {@code sipc-gateway}
 * command; on its own, {@code new CommandLine(new ClientCommand()).execute(args)}.
 */
@Command(name = "client", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sign in to the gateway's SIP-C front as a legacy Fetion client (SIP-C/4.0 like libofetion, "
                + "or SIP-C/2.0 like the official 2008 client), do the actions, print one line per message while it "
                + "runs (< received, > sent), then log out."},
        footer = {"", "Example:",
                "  client --server 127.0.0.1:8080 --sid 916000001 --user-id 300000001 \\",
                "         --password alicepw --presence 400 --send 916000002:hello --wait 30",
                "", "Exit status: 0 done; 1 refused (401 wrong password, 403 forbidden or locked",
                "out, 404 no such user, an action answered with an error); 2 bad usage;",
                "3 no connection, connection lost, or no answer in time."})
public final class ClientCommand implements Callable<Integer> {
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int CONNECTION = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "HOST:PORT", description = "The gateway's SIP-C front.")
    private String server;

    @Option(names = "--sid", required = true, paramLabel = "N", description = "Your Fetion number.")
    private String sid;

    @Option(names = "--password", required = true, paramLabel = "P", description = "Your password.")
    private String password;

    @ArgGroup(exclusive = true)
    private Protocol protocol = new Protocol();

    /** Exactly one of the two versions; SIP-C/4.0 when neither is given. */
    static final class Protocol {
        @Option(names = "--v4", description = "Speak SIP-C/4.0 (the default).")
        boolean v4;

        @Option(names = "--v2", description = "Speak SIP-C/2.0.")
        boolean v2;
    }

    @Option(names = "--user-id", paramLabel = "N", description = {"Your user-id; required with SIP-C/4.0, whose "
            + "login hashes the password with it (real clients got it from the SSI sign-in)."})
    private String userId;

    @Option(names = "--mobile", paramLabel = "N", description = "Your mobile number, sent in the v4 login body.")
    private String mobile;

    @Option(names = "--v2-digest", paramLabel = "sha1|md5", defaultValue = "sha1",
            description = "SIP-C/2.0 digest: sha1 (SHA1-sess, official client) or md5 (MD5-sess). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String digest;

    @Option(names = "--presence", paramLabel = "CODE",
            description = "Set your presence: 400 online, 100 away, 300 be right back, 600 busy, 0 invisible...")
    private Integer presence;

    @Option(names = "--subscribe", description = "Subscribe to your buddies' presence.")
    private boolean subscribe;

    @Option(names = "--send", paramLabel = "SID:TEXT", description = "Send TEXT to SID; may be repeated.")
    private List<String> sends = new ArrayList<>();

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stay signed in this long after the actions, printing what arrives. Default: 0.")
    private long waitSeconds;

    @Option(names = "--keep-alive", paramLabel = "SECONDS", defaultValue = "70",
            description = "Keep-alive interval while signed in, at most half the gateway's X; 0 for none. "
                    + "Default: ${DEFAULT-VALUE}.")
    private long keepAliveSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for each answer. Default: ${DEFAULT-VALUE}.")
    private long timeoutSeconds;

    @Option(names = "--json", description = "Print one JSON object per message instead of text.")
    private boolean json;

    @Option(names = "--verbose", description = "Let the client's own log through.")
    private boolean verbose;

    @Override
    public Integer call() {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                ClientCommand.class.getPackageName());
        Level before = log.getLevel();
        if (!verbose) {
            log.setLevel(Level.OFF); // the transcript and the exit status say what happened; logs would interleave
        }
        try {
            return run(spec.commandLine().getOut(), spec.commandLine().getErr());
        } finally {
            log.setLevel(before);
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        ClientLogin login;
        HostAndPort target;
        List<String[]> messages = new ArrayList<>();
        try {
            target = HostAndPort.parse(server);
            login = login();
            for (String send : sends) {
                int colon = send.indexOf(':');
                if (colon <= 0 || !ClientLogin.isNumber(send.substring(0, colon))) {
                    throw new IllegalArgumentException("--send wants SID:TEXT, e.g. 916000002:hello, not '" + send
                            + "'");
                }
                messages.add(new String[] {send.substring(0, colon), send.substring(colon + 1)});
            }
            if (waitSeconds < 0 || keepAliveSeconds < 0 || timeoutSeconds <= 0) {
                throw new IllegalArgumentException("--wait and --keep-alive must be >= 0, --timeout > 0");
            }
        } catch (IllegalArgumentException e) {
            err.println("client: " + e.getMessage());
            return USAGE;
        }
        EventPrinter printer = new EventPrinter(out, json);
        ClientConfig config = ClientConfig.DEFAULT.withAnswerTimeout(Duration.ofSeconds(timeoutSeconds))
                .withKeepAliveInterval(Duration.ofSeconds(keepAliveSeconds)).withListener(printer);
        ClientResult<LegacyClient> connected = LegacyClient.connect(target.host(), target.port(), config);
        if (connected instanceof ClientResult.Failed<LegacyClient> failed) {
            return report(err, failed.failure());
        }
        try (LegacyClient client = connected.orElseThrow()) {
            ClientResult<SignedIn> in = client.login(login);
            if (in instanceof ClientResult.Failed<SignedIn> failed) {
                return report(err, failed.failure());
            }
            SignedIn signedIn = in.orElseThrow();
            printer.note("signed in as " + sid + " (" + signedIn.version() + "), X: " + signedIn.expires() + ", "
                    + signedIn.contacts().size() + " contact(s)");
            Optional<ClientFailure> failure = actions(client, messages);
            if (failure.isPresent()) {
                int status = report(err, failure.get());
                if (client.isOpen()) {
                    client.logout(); // best effort: the failure above is what the exit status reports
                }
                return status;
            }
            if (waitSeconds > 0) {
                printer.note("waiting " + waitSeconds + " s");
                if (client.awaitClosed(Duration.ofSeconds(waitSeconds))) {
                    err.println("client: the gateway closed the connection while waiting");
                    return CONNECTION;
                }
            }
            ClientResult<?> logout = client.logout();
            if (logout instanceof ClientResult.Failed<?> failed) {
                return report(err, failed.failure());
            }
            printer.note("logged out");
            return 0;
        }
    }

    private ClientLogin login() {
        if (protocol.v2) {
            ClientLogin.V2Algorithm algorithm = switch (digest) {
                case "sha1" -> ClientLogin.V2Algorithm.SHA1_SESS;
                case "md5" -> ClientLogin.V2Algorithm.MD5_SESS;
                default -> throw new IllegalArgumentException("--v2-digest is sha1 or md5, not '" + digest + "'");
            };
            return new ClientLogin(SipcVersion.V2, sid, password, Optional.ofNullable(userId),
                    Optional.ofNullable(mobile), algorithm);
        }
        if (userId == null) {
            throw new IllegalArgumentException("--user-id is required with SIP-C/4.0: its login hashes the password "
                    + "with the user-id (use --v2 to log in without one)");
        }
        return new ClientLogin(SipcVersion.V4, sid, password, Optional.of(userId), Optional.ofNullable(mobile),
                ClientLogin.V2Algorithm.SHA1_SESS);
    }

    private Optional<ClientFailure> actions(LegacyClient client, List<String[]> messages) {
        List<ClientResult<?>> results = new ArrayList<>();
        if (presence != null) {
            results.add(client.setPresence(presence));
        }
        if (subscribe && failures(results).isEmpty()) {
            results.add(client.subscribe());
        }
        for (String[] message : messages) {
            if (failures(results).isEmpty()) {
                results.add(client.sendMessage(message[0], message[1]));
            }
        }
        return failures(results).stream().findFirst();
    }

    private static List<ClientFailure> failures(List<ClientResult<?>> results) {
        return results.stream().filter(r -> !r.isOk()).<ClientFailure>map(ClientResult::failure).toList();
    }

    /** Prints the failure and returns its exit status. */
    private static int report(PrintWriter err, ClientFailure failure) {
        err.println("client: " + failure.message());
        return switch (failure.kind()) {
            case REJECTED, INVALID -> REFUSED;
            case CONNECT, CLOSED, TIMEOUT -> CONNECTION;
        };
    }
}
