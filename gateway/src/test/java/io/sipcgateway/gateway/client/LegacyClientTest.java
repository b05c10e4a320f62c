package io.sipcgateway.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's own failure paths, against a plain socket that plays a broken gateway: each is a value, in bounded
 * time. The protocol itself is tested against the real legacy front in {@code legacy.Legacy*IT}.
 */
class LegacyClientTest {
    private static final ClientConfig QUICK = ClientConfig.DEFAULT.withAnswerTimeout(Duration.ofMillis(300))
            .withKeepAliveInterval(Duration.ZERO);

    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void connectingToAClosedPortIsAConnectFailure() throws IOException {
        int port = server.getLocalPort();
        server.close();
        ClientFailure failure = LegacyClient.connect("127.0.0.1", port, QUICK).failure();
        assertEquals(ClientFailure.Kind.CONNECT, failure.kind());
        assertTrue(failure.message().startsWith("cannot connect to 127.0.0.1:" + port + ": "), failure.message());
    }

    @Test
    void aGatewayThatNeverAnswersIsATimeout() throws IOException {
        try (LegacyClient client = LegacyClient.connect("127.0.0.1", server.getLocalPort(), QUICK).orElseThrow();
                Socket gateway = server.accept()) {
            ClientFailure failure = client.login(ClientLogin.v4("916000001", "300000001", "pw")).failure();
            assertEquals(ClientFailure.Kind.TIMEOUT, failure.kind());
            assertTrue(failure.message().contains("within 300 ms"), failure.message());
            assertTrue(client.isOpen() && gateway.isConnected(), "a slow answer is no reason to hang up");
        }
    }

    @Test
    void aGatewayClosingBeforeTheAnswerFailsTheRequestAsClosed() throws IOException {
        try (LegacyClient client = LegacyClient.connect("127.0.0.1", server.getLocalPort(),
                QUICK.withAnswerTimeout(Duration.ofSeconds(5))).orElseThrow()) {
            Socket gateway = server.accept();
            Thread closer = new Thread(() -> closeAfterFirstByte(gateway));
            closer.start();
            ClientFailure failure = client.login(ClientLogin.v2("916000001", "pw",
                    ClientLogin.V2Algorithm.MD5_SESS)).failure();
            assertEquals(ClientFailure.Kind.CLOSED, failure.kind());
            assertTrue(client.awaitClosed(Duration.ofSeconds(5)));
            assertFalse(client.isOpen());
            assertTrue(client.received().stream().anyMatch(e -> e instanceof ClientEvent.Closed c && c.byGateway()));
        }
    }

    @Test
    void aMalformedAnswerIsQueuedAndClosesTheConnection() throws IOException {
        try (LegacyClient client = LegacyClient.connect("127.0.0.1", server.getLocalPort(), QUICK).orElseThrow();
                Socket gateway = server.accept()) {
            OutputStream out = gateway.getOutputStream();
            String bad = "SIP-C/4.0 200 OK\r\nI: 1\r\nQ: 2 R\r\nno colon here\r\n\r\n";
            out.write(bad.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(client.awaitReceived(e -> e instanceof ClientEvent.Malformed, Duration.ofSeconds(5))
                    .isPresent());
            assertTrue(client.awaitClosed(Duration.ofSeconds(5)));
        }
    }

    @Test
    void withoutAReceivedQueueEventsGoOnlyToTheListener() throws Exception {
        BlockingQueue<ClientEvent> heard = new LinkedBlockingQueue<>();
        ClientConfig listenerOnly = QUICK.withListener(heard::add).withKeepReceived(false);
        try (LegacyClient client = LegacyClient.connect("127.0.0.1", server.getLocalPort(), listenerOnly)
                .orElseThrow(); Socket gateway = server.accept()) {
            gateway.getOutputStream().write("SIP-C/4.0 200 OK\r\nI: 1\r\nQ: 2 R\r\nno colon here\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            gateway.getOutputStream().flush();
            ClientEvent event = heard.poll(5, TimeUnit.SECONDS);
            assertTrue(event instanceof ClientEvent.Malformed, String.valueOf(event));
            assertTrue(client.awaitClosed(Duration.ofSeconds(5)));
            assertTrue(client.received().isEmpty(), "nothing is kept for received(): " + client.received());
        }
    }

    @Test
    void operationsBeforeLoginAreInvalidNotSent() throws IOException {
        try (LegacyClient client = LegacyClient.connect("127.0.0.1", server.getLocalPort(), QUICK).orElseThrow();
                Socket gateway = server.accept()) {
            assertEquals(ClientFailure.Kind.INVALID, client.setPresence(400).failure().kind());
            assertEquals(ClientFailure.Kind.INVALID, client.subscribe().failure().kind());
            assertEquals(ClientFailure.Kind.INVALID, client.sendMessage("916000002", "hi").failure().kind());
            assertEquals(ClientFailure.Kind.INVALID, client.logout().failure().kind());
            SipcRequest noCallId = new SipcRequest(SipcMethod.S, ClientRequests.TARGET, SipcVersion.V4,
                    SipcHeaders.of("F", "916000001"), SipcBody.EMPTY);
            assertEquals(ClientFailure.Kind.INVALID, client.exchange(noCallId).failure().kind());
            assertEquals(0, gateway.getInputStream().available());
        }
    }

    private static void closeAfterFirstByte(Socket gateway) {
        try (gateway; InputStream in = gateway.getInputStream()) {
            in.read();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
