package io.sipcgateway.gateway.inspect.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test reader of {@code /events} with the JDK client: a thread turns "data:" lines into JSON on a queue. */
final class SseStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile String ended = "still open";

    private SseStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseStream open(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        return new SseStream(client.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    /** The next event's JSON; fails the test if none comes within {@code seconds}. */
    JsonNode next(int seconds) throws InterruptedException {
        JsonNode event = events.poll(seconds, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + seconds + "s; stream " + ended);
        }
        return event;
    }

    /** The next event if one comes within {@code millis}, else null. */
    JsonNode poll(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    private void read() {
        try (Stream<String> lines = response.body()) {
            lines.filter(line -> line.startsWith("data: ")).forEach(line -> {
                try {
                    events.add(JSON.readTree(line.substring("data: ".length())));
                } catch (IOException e) {
                    throw new UncheckedIOException("bad JSON in " + line, e);
                }
            });
            ended = "ended by the server";
        } catch (UncheckedIOException e) {
            ended = "broke: " + e.getCause(); // closed by the test, or reset by the server
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
