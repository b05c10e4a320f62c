package io.sipcgateway.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.inspect.admin.AdminServer;
import io.sipcgateway.gateway.inspect.admin.HealthReport;
import io.sipcgateway.gateway.inspect.admin.Recorder;
import io.sipcgateway.gateway.inspect.admin.SamplePairs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code inspect} against a running admin listener fed with pairs, as a user or a script runs it. */
class InspectCommandTest {
    private final Recorder recorder = new Recorder();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private AdminServer server;

    @BeforeEach
    void start() throws Exception {
        server = AdminServer.start(new HostAndPort("127.0.0.1", 0), recorder.inspector(), recorder.metrics(),
                HealthReport::of);
        recorder.recordAndWait(SamplePairs.subscribe(1, SamplePairs.ALICE),
                SamplePairs.unmapped(2, SamplePairs.BOB));
    }

    @AfterEach
    void stop() {
        server.close();
        recorder.close();
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("inspect", "--zone", "UTC"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    private CompletableFuture<Integer> runInBackground(String... args) {
        return CompletableFuture.supplyAsync(() -> run(args));
    }

    private void awaitStreams(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.openStreams() < count) {
            assertTrue(System.nanoTime() < deadline, "inspect never opened the stream; stderr: " + err);
            Thread.sleep(10);
        }
    }

    @Test
    void printsOneLinePerPairFromTheBacklogThenLive() throws Exception {
        CompletableFuture<Integer> inspect = runInBackground("--admin", server.address().toString(), "--limit", "4");
        awaitStreams(1);
        recorder.inspector().record(SamplePairs.notify(3, SamplePairs.ALICE));
        recorder.inspector().record(SamplePairs.message(4, SamplePairs.ALICE, "hi"));
        assertEquals(0, inspect.get(10, TimeUnit.SECONDS), err.toString());
        assertEquals(List.of(
                "02:16:00.373 916000001 SUB→SUBSCRIBE x2 200 OK 3.1ms",
                "02:16:00.623 916000002 S (local) 501 Not Implemented 0.2ms",
                "02:16:00.873 916000001 BN←NOTIFY 200 OK 0.9ms",
                "02:16:01.123 916000001 M→MESSAGE 200 OK 1.8ms"), out.toString().lines().toList());
    }

    @Test
    void printsOneJsonObjectPerLineWithJson() throws Exception {
        assertEquals(0, run("--admin", server.address().toString(), "--json", "--limit", "2"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(1, first.get("id").asLong());
        assertEquals("SUB fetion.com.cn SIP-C/4.0", first.get("summary").get("sipcStartLine").asText());
        assertEquals(2, new ObjectMapper().readTree(lines.get(1)).get("id").asLong());
    }

    @Test
    void filtersOnTheServerByUserAndMethod() throws Exception {
        CompletableFuture<Integer> inspect = runInBackground("--admin", server.address().toString(),
                "--user", "916000001", "--method", "message", "--limit", "1", "--backlog", "0");
        awaitStreams(1);
        recorder.inspector().record(SamplePairs.message(3, SamplePairs.BOB, "not bob's stream"));
        recorder.inspector().record(SamplePairs.notify(4, SamplePairs.ALICE));
        recorder.inspector().record(SamplePairs.message(5, SamplePairs.ALICE, "this one"));
        assertEquals(0, inspect.get(10, TimeUnit.SECONDS), err.toString());
        assertEquals(List.of("02:16:01.373 916000001 M→MESSAGE 200 OK 1.8ms"), out.toString().lines().toList());
    }

    @Test
    void failsWithAClearMessageWhenTheAdminListenerIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(1, run("--admin", "127.0.0.1:" + closedPort, "--limit", "1"));
        assertTrue(err.toString().contains("inspect: cannot reach the admin listener at 127.0.0.1:" + closedPort
                + " (connection refused)"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void reportsWhenTheGatewayEndsTheStream() throws Exception {
        CompletableFuture<Integer> inspect = runInBackground("--admin", server.address().toString());
        awaitStreams(1);
        server.close();
        assertEquals(1, inspect.get(10, TimeUnit.SECONDS));
        assertTrue(err.toString().contains("closed the stream"), err.toString());
        assertEquals(2, out.toString().lines().count(), out.toString());
    }

    @Test
    void rejectsBadUsage() {
        assertEquals(2, run("--admin", server.address().toString(), "--outcome", "great", "--limit", "1"));
        assertTrue(err.toString().contains("outcome must be one of"), err.toString());
        assertEquals(2, run("--admin", "no-port-here"));
        assertTrue(err.toString().contains("inspect: --admin: expected HOST:PORT"), err.toString());
    }
}
