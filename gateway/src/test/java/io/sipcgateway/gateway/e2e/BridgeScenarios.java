package io.sipcgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.Gateway;
import io.sipcgateway.gateway.client.ClientConfig;
import io.sipcgateway.gateway.client.ClientEvent;
import io.sipcgateway.gateway.client.ClientLogin;
import io.sipcgateway.gateway.client.ClientResult;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.gateway.client.ClientLogin.V2Algorithm;
import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.GatewayConfig;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.core.TestSipUa;
import io.sipcgateway.gateway.core.UaSubscription;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge end to end, the same scenario on every core: alice on a v2 legacy client, carol on a v4 legacy client,
 * and bob on a standard SIP UA registered directly at the core. Presence and messages cross both ways; logout and
 * disconnect remove the registration at the core; a core that goes away gives errors in bounded time, then
 * recovery without restarting the gateway. Subclasses say which core.
 */
abstract class BridgeScenarios {
    static final Duration WAIT = Duration.ofSeconds(8);
    static final String ALICE = "916000001";
    static final String BOB = "916000002";
    static final String CAROL = "916000003";

    @TempDir
    Path dir;
    Gateway gateway;
    final List<AutoCloseable> open = new ArrayList<>();

    /** The core the gateway talks to; started before {@link #startGateway}. */
    abstract CoreTarget core();

    abstract String domain();

    /** The core's address for a standard UA's outbound proxy. */
    abstract HostAndPort coreAddress();

    /** Stops the core, runs {@code whileDown}, starts it again. */
    abstract void restartCore(Runnable whileDown) throws Exception;

    @BeforeEach
    void startGateway() throws Exception {
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), accountsYaml(domain()));
        GatewayConfig config = GatewayConfig.DEFAULTS.toBuilder()
                .sipcListen(new HostAndPort("127.0.0.1", 0))
                .httpListen(new HostAndPort("127.0.0.1", 0))
                .httpsListen(new HostAndPort("127.0.0.1", 0))
                .adminListen(new HostAndPort("127.0.0.1", 0))
                .sipListen(new HostAndPort("127.0.0.1", freePort()))
                .core(core())
                .domain(domain())
                .accounts(accounts)
                .coreTimeout(Duration.ofSeconds(2))
                .build();
        gateway = Gateway.start(config);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void presenceAndMessagesCrossBetweenLegacyClientsAndAStandardUa() throws Exception {
        TestSipUa bob = ua("bob");
        assertEquals(200, bob.register(bob.aor(), 300).status());
        LegacyClient alice = signIn(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.MD5_SESS));
        LegacyClient carol = signIn(ClientLogin.v4(CAROL, "300000003", "carolpw"));
        awaitRegistered(2);

        // A standard UA watches a legacy user: the login presence, then a change, arrive as PIDF.
        UaSubscription watch = bob.subscribe("sip:alice@" + domain(), 300);
        assertNotNull(watch);
        alice.setPresence(100).orElseThrow();
        Request away = bob.awaitNotify(n -> pidf(n).contains("away"), WAIT);
        assertNotNull(away, "bob sees alice away (100 -> rpid:away)");

        // Legacy clients watch the standard UA: its PUBLISH arrives as BN in each client's version.
        assertEquals(200, alice.subscribe().orElseThrow().code());
        assertEquals(200, carol.subscribe().orElseThrow().code());
        bob.publish(pidfDocument("sip:bob@" + domain(), "open", "busy", "在开会"));
        assertBn(alice, "presence", "value=\"600\"");
        assertBn(carol, "PresenceV4", "b=\"600\"");

        // Messages, Chinese included, both ways, each with its final answer.
        SipcResponse sent = alice.sendMessage(BOB, "你好 bob, from a 2008 client").orElseThrow();
        assertEquals(200, sent.code());
        Request got = bob.pollMessage(WAIT);
        assertNotNull(got, "bob receives alice's message");
        assertTrue(new String(got.getRawContent(), StandardCharsets.UTF_8).contains("你好 bob, from a 2008 client"));
        assertEquals(200, bob.sendMessage("sip:carol@" + domain(), "晚上好 carol"));
        SipcRequest m = carol.awaitRequest(SipcMethod.M, WAIT).orElseThrow();
        assertTrue(m.body().utf8().contains("晚上好 carol"), m.body().utf8());
    }

    @Test
    void logoutAndDisconnectRemoveTheRegistrationAtTheCore() throws Exception {
        TestSipUa bob = ua("bob");
        LegacyClient alice = signIn(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.SHA1_SESS));
        LegacyClient carol = signIn(ClientLogin.v4(CAROL, "300000003", "carolpw"));
        awaitRegistered(2);
        assertTrue(hasBinding(bob, "alice"), "alice is registered at the core while signed in");
        alice.logout().orElseThrow();
        assertTrue(eventually(() -> !hasBinding(bob, "alice")), "logout removes alice's binding");
        carol.close(); // connection lost, no logout
        assertTrue(eventually(() -> !hasBinding(bob, "carol")), "disconnect removes carol's binding");
        assertTrue(bob.sendMessage("sip:carol@" + domain(), "anyone?") >= 400, "nobody takes carol's messages now");
    }

    @Test
    void aCoreOutageGivesBoundedErrorsThenRecoversWithoutRestartingTheGateway() throws Exception {
        LegacyClient alice = signIn(ClientLogin.v2(ALICE, "alicepw", V2Algorithm.MD5_SESS));
        LegacyClient carol = signIn(ClientLogin.v4(CAROL, "300000003", "carolpw"));
        awaitRegistered(2);
        restartCore(() -> {
            long start = System.nanoTime();
            ClientResult<SipcResponse> failed = alice.sendMessage(CAROL, "while the core is down");
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            int code = failed.failure().code();
            assertTrue(code == 503 || code == 504 || code == 408, failed.toString());
            assertTrue(ms < 5_000, "answered in " + ms + " ms");
        });
        assertTrue(eventually(() -> gateway.core().registeredUsers() == 2 && gateway.core().coreReachable()),
                "users re-registered after the core came back");
        assertTrue(eventually(() -> alice.sendMessage(CAROL, "back again").isOk()), "messages flow again");
        assertTrue(carol.awaitRequest(SipcMethod.M, WAIT).isPresent());
    }

    LegacyClient signIn(ClientLogin login) {
        HostAndPort at = gateway.legacyAddress();
        LegacyClient client = LegacyClient.connect(at.host(), at.port(),
                ClientConfig.DEFAULT.withKeepAliveInterval(Duration.ZERO)).orElseThrow();
        open.add(client::close);
        client.login(login).orElseThrow();
        return client;
    }

    TestSipUa ua(String user) throws Exception {
        TestSipUa ua = TestSipUa.start(user, domain(), coreAddress().host(), coreAddress().port(), "udp");
        open.add(ua);
        return ua;
    }

    void awaitRegistered(int users) {
        assertTrue(eventually(() -> gateway.core().registeredUsers() >= users), users + " users registered");
    }

    static void assertBn(LegacyClient client, String event, String expected) {
        Optional<?> bn = client.awaitReceived(e -> e instanceof ClientEvent.Message m
                && m.message() instanceof SipcRequest r && r.method().equals(SipcMethod.BN)
                && r.event().filter(event::equals).isPresent() && r.body().utf8().contains(expected), WAIT);
        assertTrue(bn.isPresent(), "BN N: " + event + " with " + expected);
    }

    boolean hasBinding(TestSipUa ua, String user) {
        try {
            String contact = ua.fetchBindings("sip:" + user + "@" + domain()).header("Contact");
            return contact != null && !contact.isBlank();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    static String pidf(Request notify) {
        return notify.getRawContent() == null ? "" : new String(notify.getRawContent(), StandardCharsets.UTF_8);
    }

    static String pidfDocument(String entity, String basic, String activity, String note) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
                + "xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" "
                + "xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"" + entity + "\"><tuple id=\"t1\">"
                + "<status><basic>" + basic + "</basic></status><note>" + note + "</note></tuple>"
                + "<dm:person id=\"p1\"><rpid:activities><rpid:" + activity + "/></rpid:activities></dm:person>"
                + "</presence>";
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String accountsYaml(String domain) {
        return "accounts:\n"
                + account(ALICE, "300000001", "13800000001", "alice", "alicepw", domain, BOB, CAROL)
                + account(BOB, "300000002", "13800000002", "bob", "bobpw", domain, ALICE, CAROL)
                + account(CAROL, "300000003", "13800000003", "carol", "carolpw", domain, ALICE, BOB);
    }

    private static String account(String sid, String userId, String mobile, String name, String password,
            String domain, String buddy1, String buddy2) {
        return "  - sid: " + sid + "\n    user-id: " + userId + "\n    mobile: " + mobile + "\n    nickname: " + name
                + "\n    password: " + password + "\n    core-aor: sip:" + name + "@" + domain
                + "\n    buddy-lists: [{id: 1, name: Friends}]\n    buddies: [{sid: " + buddy1
                + ", local-name: b1, lists: [1]}, {sid: " + buddy2 + ", local-name: b2, lists: [1]}]\n";
    }
}
