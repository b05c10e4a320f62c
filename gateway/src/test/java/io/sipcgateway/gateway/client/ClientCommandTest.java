package io.sipcgateway.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sipcgateway.gateway.legacy.LegacyFront;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.ForwardedCall;
import io.sipcgateway.gateway.legacy.RecordingCoreBridge.SignedInCall;
import io.sipcgateway.gateway.legacy.auth.V4KeyPair;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code client} command against a real legacy front: what it prints, and its exit status for each outcome. */
class ClientCommandTest {
    private static V4KeyPair keys;
    private LegacyFront front;

    @BeforeAll
    static void generateKeyOnce() {
        keys = V4KeyPair.generate(new SecureRandom());
    }

    @BeforeEach
    void startFront() throws InterruptedException {
        front = LegacyFront.start(keys, LegacyFront.Settings.DEFAULT.withMaxFailures(2));
    }

    @AfterEach
    void stopFront() {
        front.close();
    }

    /** What one run printed and returned. */
    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new ClientCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("--server", front.address().toString(), "--keep-alive", "0"));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    @Test
    void v4SessionPrintsOneLinePerMessageAndExitsZero() {
        Run run = run(args("--sid", "916000001", "--user-id", "300000001", "--password", "alicepw",
                "--presence", "100", "--subscribe", "--send", "916000002:hello bob"));

        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        List<String> received = run.lines().stream().filter(l -> l.startsWith("< ")).toList();
        assertEquals(List.of("< SIP-C/4.0 401 Unauthoried", "< SIP-C/4.0 200 OK", "< SIP-C/4.0 200 OK",
                "< SIP-C/4.0 200 OK", "< SIP-C/4.0 200 OK", "< SIP-C/4.0 200 OK"),
                received.stream().map(l -> l.split(" \\| ")[0]).toList(), run.out());
        assertTrue(run.lines().contains("# signed in as 916000001 (SIP-C/4.0), X: 600, 1 contact(s)"), run.out());
        assertTrue(run.out().contains("> M fetion.com.cn SIP-C/4.0 | F: 916000001 | I: 5 | Q: 2 M | T: sip:916000002"),
                run.out());
        assertTrue(run.lines().contains("-- connection closed by the gateway"), run.out());
        assertTrue(front.core().calls(ForwardedCall.class).stream().anyMatch(c -> c.request().body().utf8()
                .equals("hello bob")));
    }

    @Test
    void jsonPrintsOneObjectPerMessage() throws IOException {
        Run run = run(args("--v2", "--v2-digest", "md5", "--sid", "916000002", "--password", "bobpw", "--json"));

        assertEquals(0, run.status(), run.err());
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.lines()) {
            lines.add(mapper.readTree(line));
        }
        assertEquals(List.of("out", "in", "out", "in", "out", "in", "in"),
                lines.stream().map(n -> n.get("direction").asText()).toList(), run.out());
        JsonNode challenge = lines.get(1);
        assertEquals("response", challenge.get("type").asText());
        assertEquals(401, challenge.get("status").asInt());
        assertEquals("SIP-C/2.0", challenge.get("version").asText());
        assertEquals("W", challenge.get("headers").get(2).get("name").asText());
        JsonNode authorize = lines.get(2);
        assertEquals("R", authorize.get("method").asText());
        assertTrue(authorize.get("body").asText().startsWith("<args><device type=\"PC\""));
        assertEquals("closed", lines.get(6).get("type").asText());
    }

    @Test
    void wrongPasswordExitsOneWith401OnStderr() {
        Run run = run(args("--sid", "916000002", "--user-id", "300000002", "--password", "nope"));

        assertEquals(ClientCommand.REFUSED, run.status());
        assertEquals("client: login refused: 401 Unauthoried: wrong password for 916000002 (the gateway sent a new "
                + "challenge)", run.err().strip());
    }

    @Test
    void unknownUserExitsOneWith404OnStderr() {
        Run run = run(args("--v2", "--sid", "916000077", "--password", "pw"));

        assertEquals(ClientCommand.REFUSED, run.status());
        assertEquals("client: login refused: 404 Not Found: the gateway has no user 916000077", run.err().strip());
    }

    @Test
    void lockedOutAccountExitsOneWith403OnStderr() {
        String[] wrong = args("--v2", "--sid", "916000001", "--password", "nope");
        assertEquals(ClientCommand.REFUSED, run(wrong).status());
        Run locked = run(wrong);                                                       // maxFailures = 2

        assertEquals(ClientCommand.REFUSED, locked.status());
        assertTrue(locked.err().startsWith("client: login refused: 403 Too Many Failed Logins: 916000001 is locked "
                + "out"), locked.err());
    }

    @Test
    void refusedConnectionExitsThree() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        Run run = run("--server", "127.0.0.1:" + port, "--sid", "916000001", "--user-id", "300000001",
                "--password", "alicepw");

        assertEquals(ClientCommand.CONNECTION, run.status());
        assertTrue(run.err().startsWith("client: cannot connect to 127.0.0.1:" + port + ": "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void v4WithoutUserIdIsAUsageError() {
        Run run = run(args("--sid", "916000001", "--password", "alicepw"));

        assertEquals(ClientCommand.USAGE, run.status());
        assertTrue(run.err().startsWith("client: --user-id is required with SIP-C/4.0"), run.err());
    }

    @Test
    void badSendIsAUsageError() {
        Run run = run(args("--v2", "--sid", "916000001", "--password", "alicepw", "--send", "bob:hi"));

        assertEquals(ClientCommand.USAGE, run.status());
        assertTrue(run.err().contains("--send wants SID:TEXT"), run.err());
    }

    @Test
    void closedByTheGatewayWhileWaitingExitsThree() throws Exception {
        CompletableFuture<Run> waiting = CompletableFuture.supplyAsync(() -> run(args("--sid", "916000001",
                "--user-id", "300000001", "--password", "alicepw", "--wait", "20")));
        front.core().await(SignedInCall.class, c -> c.sid().equals("916000001"), Duration.ofSeconds(10))
                .orElseThrow();
        try (LegacyClient again = LegacyClient.connect(front.host(), front.port()).orElseThrow()) {
            again.login(ClientLogin.v4("916000001", "300000001", "alicepw")).orElseThrow();   // takes the account

            Run run = waiting.get(10, TimeUnit.SECONDS);
            assertEquals(ClientCommand.CONNECTION, run.status());
            assertEquals("client: the gateway closed the connection while waiting", run.err().strip());
            assertTrue(run.out().contains("< BN 916000001 SIP-C/4.0 | N: registration"), run.out());
        }
    }
}
