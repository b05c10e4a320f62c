package io.sipcgateway.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.inspect.admin.AdminServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code inspect}: tails the gateway's translation pairs from the admin listener's {@code /events} stream, one line
 * per pair or one JSON object per line. Filters travel as query parameters, so the gateway sends only what matches.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Tail the translation pairs of a running gateway, as they happen.",
                "Connects to the admin listener (run --admin-listen) and prints the recent pairs, then new ones."},
        footer = {"", "One line per pair: TIME USER SIPC→SIP [xN] STATUS LATENCY, e.g.",
                "  12:00:01.234 916000001 SUB→SUBSCRIBE x2 200 OK 3.1ms",
                "  12:00:01.912 916000001 BN←NOTIFY 200 OK 0.9ms      (core to legacy)",
                "Exit status: 0 after --limit pairs; 1 admin listener unreachable or",
                "stream ended; 2 bad usage."})
public final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Option(names = "--admin", paramLabel = "HOST:PORT", defaultValue = AdminServer.DEFAULT_ADDRESS,
            description = "The admin listener (default: ${DEFAULT-VALUE}).")
    private String admin;

    @Option(names = "--user", paramLabel = "SID", description = "Only this legacy user's pairs.")
    private String user;

    @Option(names = "--method", paramLabel = "M", description = "Only pairs with this SIP-C or SIP method (SUB, "
            + "SUBSCRIBE...).")
    private String method;

    @Option(names = "--outcome", paramLabel = "KIND",
            description = "Only pairs that ended so: success, rejected, timeout, failed, one-way.")
    private String outcome;

    @Option(names = "--json", description = "Print each pair as one JSON object per line.")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N pairs (default: run until stopped).")
    private Long limit;

    @Option(names = "--backlog", paramLabel = "N", defaultValue = "10",
            description = "Recent pairs to print first (default: ${DEFAULT-VALUE}; 0 for new ones only).")
    private int backlog;

    @Option(names = "--zone", paramLabel = "ZONE", hidden = true, description = "Time zone of the times printed.")
    private ZoneId zone = ZoneId.systemDefault();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HostAndPort address;
        try {
            address = HostAndPort.parse(admin);
        } catch (IllegalArgumentException e) {
            err.println("inspect: --admin: " + e.getMessage());
            return 2;
        }
        if ((limit != null && limit <= 0) || backlog < 0) {
            err.println("inspect: --limit must be positive and --backlog not negative");
            return 2;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(uri(address)).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            String why = e instanceof ConnectException ? "connection refused" : String.valueOf(e.getMessage());
            err.println("inspect: cannot reach the admin listener at " + address + " (" + why + "); is the gateway "
                    + "running with --admin-listen " + address + "?");
            err.flush();
            return 1;
        }
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                String body = String.join(" ", lines.toList()).strip();
                err.println("inspect: " + address + " answered " + response.statusCode() + ": " + body);
                err.flush();
                return response.statusCode() == 400 ? 2 : 1;
            }
            return tail(lines.iterator(), address, out, err);
        } catch (UncheckedIOException e) {
            err.println("inspect: the stream from " + address + " broke: " + e.getCause().getMessage());
            err.flush();
            return 1;
        }
    }

    /** Prints each event of the stream until --limit is reached (0) or the stream ends (1). */
    private int tail(Iterator<String> lines, HostAndPort address, PrintWriter out, PrintWriter err) {
        long printed = 0;
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                // SSE: several data lines make one event, joined by LF; one space after the colon is not data
                data.append(data.length() > 0 ? "\n" : "").append(line.substring(line.startsWith("data: ") ? 6 : 5));
            } else if (line.isEmpty() && data.length() > 0) {
                out.println(json ? data : PairLine.of(parse(data.toString()), zone));
                out.flush();
                data.setLength(0);
                if (limit != null && ++printed >= limit) {
                    return 0;
                }
            }
        }
        err.println("inspect: the admin listener at " + address + " closed the stream");
        err.flush();
        return 1;
    }

    private URI uri(HostAndPort address) {
        StringBuilder query = new StringBuilder("backlog=").append(backlog);
        append(query, "user", user);
        append(query, "method", method);
        append(query, "outcome", outcome);
        return URI.create("http://" + address + "/events?" + query);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("not JSON: " + data, e));
        }
    }
}
