package io.sipcgateway.gateway.inspect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.inspect.Inspector;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /events}: Server-Sent Events with a backlog, live events, filters, and bounded slow readers. */
class EventStreamTest {
    private final Recorder recorder = new Recorder();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AdminServer server;

    private void start(AdminLimits limits) throws InterruptedException {
        server = AdminServer.start(new HostAndPort("127.0.0.1", 0), recorder.inspector(), recorder.metrics(),
                HealthReport::of, limits);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        recorder.close();
    }

    private SseStream open(String query) throws Exception {
        return SseStream.open(client, URI.create("http://" + server.address() + "/events" + query));
    }

    @Test
    void sendsTheBacklogThenLiveEvents() throws Exception {
        start(AdminLimits.DEFAULT);
        recorder.recordAndWait(SamplePairs.subscribe(1, SamplePairs.ALICE));
        recorder.recordAndWait(SamplePairs.message(2, SamplePairs.ALICE, "hi"));
        try (SseStream stream = open("")) {
            assertEquals("text/event-stream; charset=utf-8",
                    stream.response().headers().firstValue("content-type").orElse(""));
            assertEquals(1, stream.next(5).get("id").asLong());
            assertEquals(2, stream.next(5).get("id").asLong());
            recorder.recordAndWait(SamplePairs.notify(3, SamplePairs.ALICE));
            JsonNode live = stream.next(5);
            assertEquals(3, live.get("id").asLong());
            assertEquals("CORE_TO_LEGACY", live.get("direction").asText());
            assertEquals("NOTIFY sip:alice@gateway.sipc.local SIP/2.0",
                    live.get("summary").get("sipStartLines").get(0).asText());
        }
    }

    @Test
    void filtersTheStreamByUserMethodAndOutcome() throws Exception {
        start(AdminLimits.DEFAULT);
        recorder.recordAndWait(SamplePairs.subscribe(1, SamplePairs.ALICE));
        recorder.recordAndWait(SamplePairs.subscribe(2, SamplePairs.BOB));
        try (SseStream bob = open("?user=916000002");
                SseStream messages = open("?method=MESSAGE&outcome=success");
                SseStream failed = open("?outcome=FAILED")) {
            assertEquals(2, bob.next(5).get("id").asLong());
            recorder.recordAndWait(SamplePairs.message(3, SamplePairs.ALICE, "hi"));
            recorder.recordAndWait(SamplePairs.unmapped(4, SamplePairs.BOB));
            assertEquals(4, bob.next(5).get("id").asLong());
            assertEquals(3, messages.next(5).get("id").asLong());
            assertEquals(4, failed.next(5).get("id").asLong());
            assertNull(bob.poll(200));
            assertNull(messages.poll(0));
            assertNull(failed.poll(0));
        }
    }

    @Test
    void resumesAfterTheLastEventIdInsteadOfRepeatingTheBacklog() throws Exception {
        start(AdminLimits.DEFAULT);
        for (int id = 1; id <= 5; id++) {
            recorder.recordAndWait(SamplePairs.message(id, SamplePairs.ALICE, "n" + id));
        }
        HttpRequest resume = HttpRequest.newBuilder(URI.create("http://" + server.address() + "/events"))
                .header("Last-Event-ID", "3").build();
        HttpResponse<InputStream> response = client.send(resume, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            String text = new String(body.readNBytes(64), StandardCharsets.UTF_8);
            assertTrue(text.contains("id: 4\n"), text);
        }
        try (SseStream after = open("?after=4&backlog=10")) {
            assertEquals(5, after.next(5).get("id").asLong());
        }
    }

    @Test
    void aStalledReaderStallsNeitherRecordingNorOtherReaders() throws Exception {
        // Queue 64: the healthy reader gets 30 events of the flood, so it can never lose one, however the two
        // cores are shared; the stalled reader gets the other 2970 and must lose most of them.
        start(new AdminLimits(4096, 8192, 1024, 0, 1000, 64, 256, 16 * 1024, 15));
        Inspector inspector = recorder.inspector();
        try (SseStream healthy = open("?user=916000002"); Socket stalled = stalledReader()) {
            waitFor(() -> server.openStreams() == 2, "both readers subscribed");
            // 4 KB events: the kernel takes at most ~900 of them (tcp_wmem max 4 MiB on Debian), Netty 16 KiB, the
            // queue 64; the other ~2000 are drops, far more than the 256 that close the stream.
            String big = "x".repeat(4000);
            long slowest = 0;
            for (int id = 1; id <= 3000; id++) {
                TranslationEvent event = id % 100 == 0 ? SamplePairs.message(id, SamplePairs.BOB, "to healthy")
                        : SamplePairs.message(id, SamplePairs.ALICE, big);
                long before = System.nanoTime();
                assertTrue(inspector.record(event), "the inspector's buffer overflowed at event " + id);
                slowest = Math.max(slowest, System.nanoTime() - before);
            }
            // A reader blocking the path would hold record() for as long as it stalls (here: for ever); a GC pause
            // on a busy two-core runner takes ~100 ms, so the bound is well above that.
            assertTrue(slowest < 1_000_000_000L, "one record() took " + slowest / 1_000_000 + "ms");
            // The recorder thread hands every event to both readers' sinks; had the stalled one blocked it, the
            // buffer would never empty.
            waitFor(() -> inspector.buffered() == 0, "the recorder drained its buffer");
            for (int id = 100; id <= 3000; id += 100) {
                assertEquals(id, healthy.next(5).get("id").asLong(), "the healthy reader missed nothing");
            }
            assertTrue(server.droppedStreamEvents() > 0, "the stalled reader's events were dropped");
            waitFor(() -> server.openStreams() == 1, "the stalled reader closed for being too far behind");
            inspector.record(SamplePairs.message(3001, SamplePairs.BOB, "still live"));
            assertEquals(3001, healthy.next(5).get("id").asLong());
            assertEquals(0, inspector.dropped());
        }
    }

    /** A reader that asks for the stream and then never reads: its kernel buffers fill, then Netty's. */
    private Socket stalledReader() throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", server.address().port()), 5000);
        OutputStream out = socket.getOutputStream();
        out.write("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void waitFor(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
