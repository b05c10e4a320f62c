package io.sipcgateway.gateway.inspect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sipcgateway.gateway.config.HostAndPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin listener's plain HTTP routes, with the JDK client (and a raw socket where the client is too polite). */
class AdminServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Recorder recorder = new Recorder();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<HealthReport> health = new AtomicReference<>(HealthReport.of(
            HealthReport.Check.up("core", "127.0.0.1:5060 answered OPTIONS"),
            HealthReport.Check.up("legacy-listener", "127.0.0.1:8080")));
    private AdminServer server;

    @BeforeEach
    void start() throws Exception {
        server = AdminServer.start(new HostAndPort("127.0.0.1", 0), recorder.inspector(), recorder.metrics(),
                health::get);
        recorder.recordAndWait(SamplePairs.subscribe(1, SamplePairs.ALICE),
                SamplePairs.message(2, SamplePairs.ALICE, "hi"), SamplePairs.notify(3, SamplePairs.ALICE),
                SamplePairs.unmapped(4, SamplePairs.BOB));
    }

    @AfterEach
    void stop() {
        server.close();
        recorder.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://" + server.address() + path);
    }

    /** Sends {@code request} as is and returns the answer's status line. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.address().port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString().strip();
        }
    }

    @Test
    void answersHealthWith200WhenEveryCheckIsUp() throws Exception {
        HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
        JsonNode body = JSON.readTree(response.body());
        assertEquals("UP", body.get("status").asText());
        assertEquals("core", body.get("checks").get(0).get("name").asText());
        assertTrue(body.get("checks").get(1).get("up").asBoolean());
    }

    @Test
    void answersHealthWith503WhenTheCoreIsUnreachable() throws Exception {
        health.set(HealthReport.of(HealthReport.Check.down("core", "no answer to OPTIONS for 30s"),
                HealthReport.Check.up("legacy-listener", "127.0.0.1:8080")));
        HttpResponse<String> response = get("/health");
        assertEquals(503, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("DOWN", body.get("status").asText());
        assertEquals("no answer to OPTIONS for 30s", body.get("checks").get(0).get("detail").asText());
    }

    @Test
    void servesMetricsInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("content-type").orElse(""));
        String body = response.body();
        assertTrue(body.contains("# TYPE sipc_gateway_messages_total counter\n"), body);
        assertTrue(body.contains("sipc_gateway_messages_total{direction=\"legacy_to_core\",method=\"SUBSCRIBE\","
                + "outcome=\"success\"} 1"), body);
        assertTrue(body.contains("\nsipc_gateway_admin_stream_dropped_events_total 0\n"), body);
        assertTrue(body.contains("\nsipc_gateway_admin_streams 0\n"), body);
        for (String line : body.split("\n")) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ")
                    || line.matches("[a-z_:]+(\\{[^}]*})? [-+0-9.eE]+|[a-z_:]+(\\{[^}]*})? [+-]?Inf|NaN"),
                    "not a Prometheus text line: " + line);
        }
    }

    @Test
    void listsTheNewestEventsAsJsonOldestFirst() throws Exception {
        HttpResponse<String> response = get("/api/events?limit=2");
        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(2, body.size());
        assertEquals(3, body.get(0).get("id").asLong());
        assertEquals(4, body.get(1).get("id").asLong());
        assertEquals("BN 916000001 SIP-C/4.0", body.get(0).get("summary").get("sipcStartLine").asText());
        assertEquals("501 Not Implemented", body.get(1).get("summary").get("status").asText());
        assertTrue(body.get(1).get("outcome").get("sipStatus").isNull());
    }

    @Test
    void filtersEventsByUserMethodAndOutcome() throws Exception {
        assertEquals("[4]", ids(get("/api/events?user=916000002")));
        assertEquals("[1]", ids(get("/api/events?method=subscribe")));
        assertEquals("[1]", ids(get("/api/events?method=SUB")));
        assertEquals("[2]", ids(get("/api/events?user=916000001&method=M&outcome=success")));
        assertEquals("[4]", ids(get("/api/events?outcome=failed")));
    }

    @Test
    void rejectsAnUnknownOutcomeWith400() throws Exception {
        HttpResponse<String> response = get("/api/events?outcome=great");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("outcome must be one of"), response.body());
    }

    @Test
    void answers404ForUnknownPathsAnd405ForOtherMethods() throws Exception {
        assertEquals(404, get("/nope").statusCode());
        assertEquals(404, get("/../pom.xml").statusCode());
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/api/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("allow").orElse(""));
        HttpResponse<String> delete = client.send(HttpRequest.newBuilder(uri("/")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, delete.statusCode());
    }

    @Test
    void rejectsAnOversizedBodyWith413() throws Exception {
        // Netty's aggregator answers from the Content-Length alone, before reading (and then discards) the body.
        String answer = raw("POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n"
                + "x".repeat(2000));
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
    }

    @Test
    void rejectsOversizedHeadersWith431AndLongLinesWith414() throws Exception {
        String headers = raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n");
        assertTrue(headers.startsWith("HTTP/1.1 431 "), headers);
        String line = raw("GET /?" + "z".repeat(10_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertTrue(line.startsWith("HTTP/1.1 414 "), line);
    }

    @Test
    void refusesAForeignHostOnALoopbackListener() throws Exception {
        String foreign = raw("GET /api/events HTTP/1.1\r\nHost: attacker.example:" + server.address().port()
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(foreign.startsWith("HTTP/1.1 403 "), foreign);
        String local = raw("GET /health HTTP/1.1\r\nHost: localhost:" + server.address().port()
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(local.startsWith("HTTP/1.1 200 "), local);
    }

    @Test
    void servesThePageFromTheGatewayWithNoExternalReferences() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElse(""));
        assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("default-src 'none'"));
        for (String asset : new String[] {"/", "/app.js", "/ladder.js", "/style.css"}) {
            String body = get(asset).body();
            Matcher url = Pattern.compile("(https?:)?//[a-z0-9.-]+").matcher(body);
            while (url.find()) {
                // the SVG namespace is a name, not something the browser fetches
                assertEquals("http://www.w3.org", url.group(), asset + " refers to " + url.group());
            }
        }
        assertEquals("text/javascript; charset=utf-8",
                get("/app.js").headers().firstValue("content-type").orElse(""));
    }

    @Test
    void bindsLoopbackByDefault() {
        assertEquals("127.0.0.1", AdminServer.DEFAULT_LISTEN.host());
        assertFalse(server.address().host().startsWith("0.0.0.0"));
    }

    @Test
    void saysWhichAddressIsTakenWhenItCannotBind() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AdminServer.start(
                server.address(), recorder.inspector(), recorder.metrics(), health::get));
        assertTrue(e.getMessage().startsWith("cannot listen on " + server.address() + ": "), e.getMessage());
    }

    private static String ids(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        StringBuilder out = new StringBuilder("[");
        for (JsonNode event : JSON.readTree(response.body())) {
            out.append(out.length() > 1 ? "," : "").append(event.get("id").asLong());
        }
        return out.append(']').toString();
    }
}
