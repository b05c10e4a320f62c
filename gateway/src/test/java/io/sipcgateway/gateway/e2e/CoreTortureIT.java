package io.sipcgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.fixtures.SipTorture;
import io.sipcgateway.gateway.Gateway;
import io.sipcgateway.gateway.client.ClientConfig;
import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.GatewayConfig;
import io.sipcgateway.gateway.config.HostAndPort;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile SIP from the core side: every RFC 4475 torture message (fixtures {@code sip/rfc4475/}) is sent to the
 * gateway's SIP address over UDP and over TCP. Each may be answered with an error or dropped with a log line; after
 * all of them the gateway must still answer OPTIONS on both transports and still sign a legacy client in.
 */
class CoreTortureIT {
    private static final String OPTIONS = "OPTIONS sip:gateway@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/%s 127.0.0.1:%d;branch=z9hG4bK-torture-%s\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:probe@sipc.local>;tag=t1\r\nTo: <sip:gateway@127.0.0.1>\r\n"
            + "Call-ID: torture-%s@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    @TempDir
    Path dir;
    Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), BridgeScenarios.accountsYaml("sipc.local"));
        gateway = Gateway.start(GatewayConfig.DEFAULTS.toBuilder()
                .sipcListen(new HostAndPort("127.0.0.1", 0))
                .httpListen(new HostAndPort("127.0.0.1", 0))
                .httpsListen(new HostAndPort("127.0.0.1", 0))
                .adminListen(new HostAndPort("127.0.0.1", 0))
                .sipListen(new HostAndPort("127.0.0.1", BridgeScenarios.freePort()))
                .core(new CoreTarget.Embedded(new HostAndPort("127.0.0.1", BridgeScenarios.freePort())))
                .accounts(accounts)
                .build());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void tortureMessagesNeverStopTheGateway() throws Exception {
        List<SipTorture> all = Fixtures.sipTorture().toList();
        assertTrue(all.size() >= 50, "the whole RFC 4475 corpus");
        HostAndPort sip = gateway.sipAddress();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            udp.setSoTimeout(100);
            for (SipTorture message : all) {
                udp.send(new DatagramPacket(message.bytes(), message.bytes().length,
                        new InetSocketAddress(sip.host(), sip.port())));
                drain(udp);
            }
            String probe = String.format(OPTIONS, "UDP", udp.getLocalPort(), "udp", "udp");
            udp.setSoTimeout(5_000);
            udp.send(new DatagramPacket(probe.getBytes(StandardCharsets.UTF_8), probe.length(),
                    new InetSocketAddress(sip.host(), sip.port())));
            assertTrue(awaitOk(udp), "OPTIONS over UDP answered 200 after the torture messages");
        }
        for (SipTorture message : all) {
            try (Socket tcp = new Socket(sip.host(), sip.port())) {
                tcp.setSoTimeout(200);
                tcp.getOutputStream().write(message.bytes());
                tcp.getOutputStream().flush();
                readSome(tcp.getInputStream());
            }
        }
        try (Socket tcp = new Socket(sip.host(), sip.port())) {
            tcp.setSoTimeout(5_000);
            OutputStream out = tcp.getOutputStream();
            out.write(String.format(OPTIONS, "TCP", tcp.getLocalPort(), "tcp", "tcp")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertTrue(new String(readSome(tcp.getInputStream()), StandardCharsets.UTF_8).startsWith("SIP/2.0 200"),
                    "OPTIONS over TCP answered 200 after the torture messages");
        }
        HostAndPort legacy = gateway.legacyAddress();
        LegacyClient alice = LegacyClient.connect(legacy.host(), legacy.port(),
                ClientConfig.DEFAULT.withKeepAliveInterval(Duration.ZERO)).orElseThrow();
        try {
            alice.login(ClientLogin.v2(BridgeScenarios.ALICE, "alicepw", ClientLogin.V2Algorithm.MD5_SESS))
                    .orElseThrow();
        } finally {
            alice.close();
        }
    }

    private static void drain(DatagramSocket udp) throws Exception {
        byte[] buffer = new byte[65_535];
        try {
            while (true) {
                udp.receive(new DatagramPacket(buffer, buffer.length));
            }
        } catch (SocketTimeoutException e) {
            // nothing more: the gateway answered or dropped the message
        }
    }

    private static boolean awaitOk(DatagramSocket udp) throws Exception {
        byte[] buffer = new byte[65_535];
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            udp.receive(packet);
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith("SIP/2.0 200") && text.contains("torture-udp")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readSome(InputStream in) throws Exception {
        byte[] buffer = new byte[8192];
        try {
            int n = in.read(buffer);
            return n <= 0 ? new byte[0] : Arrays.copyOf(buffer, n);
        } catch (SocketTimeoutException e) {
            return new byte[0];
        }
    }
}
