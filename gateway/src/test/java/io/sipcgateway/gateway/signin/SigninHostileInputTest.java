package io.sipcgateway.gateway.signin;

import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_PASSWORD;
import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_SID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.config.HostAndPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives on the public sign-in ports gets an error answer or a close, never a crash or a hang, and the
 * server answers the next real client as before.
 */
class SigninHostileInputTest {
    private SigninFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = SigninFixture.start();
    }

    @AfterEach
    void stillServesThenStop() throws Exception {
        SigninClients.OneRead signIn = SigninClients.singleTlsRead(fixture.https(), SigninClients.libofetionSsiRequest(
                SsiEndpoint.V4_PATH + "?sid=" + ALICE_SID + "&v4digest-type=1&v4digest="
                        + SigninClients.digestType1(ALICE_PASSWORD)));
        assertEquals(200, signIn.answer().status(), "the SSI endpoint still serves");
        byte[] config = ("POST " + NavigationEndpoint.PATH + " HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(200, SigninClients.Answer.parse(SigninClients.plainExchange(fixture.http(), config)).status(),
                "the navigation endpoint still serves");
        fixture.close();
    }

    @Test
    void hugeRequestLineOnTheTlsPortGetsAnErrorOrAClose() throws Exception {
        String target = SsiEndpoint.V4_PATH + "?sid=" + "9".repeat(100_000);

        assertErrorOrClosed(tlsAnswer(SigninClients.libofetionSsiRequest(target))); // 414 if it beats the reset
    }

    @Test
    void hugeHeadersGetAnErrorOrAClose() throws Exception {
        byte[] request = ("POST " + NavigationEndpoint.PATH + " HTTP/1.1\r\nX-Junk: " + "x".repeat(20_000)
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        assertErrorOrClosed(plainAnswer(request));
    }

    @Test
    void hugeBodyGetsAnErrorOrACloseWithoutBeingReadToTheEnd() throws Exception {
        try (Socket socket = new Socket(fixture.http().host(), fixture.http().port())) {
            socket.setSoTimeout((int) SigninClients.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + NavigationEndpoint.PATH + " HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(new byte[64 * 1024]); // over the limit, far less than announced
            } catch (IOException closedEarly) {
                // the server may already have answered and closed
            }
            assertErrorOrClosed(readUntilClosed(socket.getInputStream()));
        }
    }

    @Test
    void garbageBytesOnTheHttpPortGetAnErrorOrAClose() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[100] = '\n';

        assertErrorOrClosed(plainAnswer(garbage));
    }

    @Test
    void garbageAfterTheTlsHandshakeGets400() throws Exception {
        byte[] garbage = "\u0001\u0002 \u0003\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(400, SigninClients.singleTlsRead(fixture.https(), garbage).answer().status());
    }

    @Test
    void plainHttpOnTheTlsPortIsClosed() throws Exception {
        byte[] request = SigninClients.libofetionSsiRequest(SsiEndpoint.V4_PATH + "?sid=" + ALICE_SID);

        try (Socket socket = new Socket(fixture.https().host(), fixture.https().port())) {
            socket.setSoTimeout((int) SigninClients.TIMEOUT.toMillis());
            socket.getOutputStream().write(request);
            byte[] answer = readUntilClosed(socket.getInputStream());
            assertTrue(answer.length < 64, "at most a TLS alert, never an HTTP answer");
            assertFalse(new String(answer, StandardCharsets.ISO_8859_1).contains("HTTP/"));
        }
    }

    @Test
    void tlsClientThatHangsUpMidHandshakeDoesNotHurt() throws Exception {
        HostAndPort https = fixture.https();
        try (Socket socket = new Socket(https.host(), https.port())) {
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xff, 0x01}); // a cut hello
        }
    }

    @Test
    void badPercentEscapeAndParameterFloodGet400() throws Exception {
        assertEquals(400, tlsStatus(SsiEndpoint.V4_PATH + "?sid=%zz&v4digest=%"));
        assertEquals(400, tlsStatus(SsiEndpoint.V4_PATH + "?" + "a=1&".repeat(500) + "sid=" + ALICE_SID));
    }

    @Test
    void tlsHandshakeThenSilenceIsNotAnsweredButNothingBreaks() throws Exception {
        try (SSLSocket socket = (SSLSocket) SigninClients.trustAll().getSocketFactory()
                .createSocket(fixture.https().host(), fixture.https().port())) {
            socket.startHandshake(); // then nothing: the read timeout closes it later, the server serves meanwhile
            assertEquals(200, SigninClients.Answer.parse(SigninClients.plainExchange(fixture.http(),
                    ("GET " + NavigationEndpoint.PATH + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII)))
                    .status());
        }
    }

    private byte[] tlsAnswer(byte[] request) throws Exception {
        try {
            return SigninClients.singleTlsRead(fixture.https(), request).bytes();
        } catch (IOException reset) {
            return new byte[0];
        }
    }

    private byte[] plainAnswer(byte[] request) throws Exception {
        try (Socket socket = new Socket(fixture.http().host(), fixture.http().port())) {
            socket.setSoTimeout((int) SigninClients.TIMEOUT.toMillis());
            try {
                socket.getOutputStream().write(request);
            } catch (IOException closedEarly) {
                // answered and closed before all was written
            }
            return readUntilClosed(socket.getInputStream());
        }
    }

    /**
     * An error answer, or nothing: the server closes after an error answer, and the kernel turns that close into a
     * reset when unread bytes remain, which may drop the answer on the client's side before it is read.
     */
    private static void assertErrorOrClosed(byte[] answer) {
        assertTrue(answer.length == 0 || SigninClients.Answer.parse(answer).status() >= 400,
                () -> new String(answer, StandardCharsets.ISO_8859_1));
    }

    private int tlsStatus(String target) throws Exception {
        return SigninClients.singleTlsRead(fixture.https(), SigninClients.libofetionSsiRequest(target))
                .answer().status();
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (IOException reset) { // a reset instead of a FIN: closed all the same
            return new byte[0];
        }
    }
}
