package io.sipcgateway.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void appliesEveryKeyOnTopOfTheDefaults() throws IOException {
        Path file = write("sipc-listen: 127.0.0.1:9080\ncore: sip:10.0.0.5:5070;transport=tcp\ndomain: example.org\n"
                + "accounts: /etc/sipc/accounts.yaml\nregistration-expiry: 300\ncore-timeout-ms: 2500\n");
        GatewayConfig config = GatewayConfigLoader.load(file, GatewayConfig.DEFAULTS);
        assertEquals(new HostAndPort("127.0.0.1", 9080), config.sipcListen());
        assertEquals(new CoreTarget.Remote(new HostAndPort("10.0.0.5", 5070), CoreTarget.Transport.TCP),
                config.core());
        assertEquals("example.org", config.domain());
        assertEquals(Path.of("/etc/sipc/accounts.yaml"), config.accounts().orElseThrow());
        assertEquals(Duration.ofSeconds(300), config.registrationExpiry());
        assertEquals(Duration.ofMillis(2500), config.coreTimeout());
        assertEquals(GatewayConfig.DEFAULT_HTTP_LISTEN, config.httpListen());
    }

    @Test
    void namesLineAndKeyOfAnUnknownKey() throws IOException {
        Path file = write("domain: example.org\nsipc-lisen: 1.2.3.4:5\n");
        var e = assertThrows(GatewayConfigLoader.ConfigException.class,
                () -> GatewayConfigLoader.load(file, GatewayConfig.DEFAULTS));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("sipc-lisen"), e.getMessage());
    }

    @Test
    void namesLineAndKeyOfABadValue() throws IOException {
        Path file = write("core: sip:1.2.3.4:5060;transport=sctp\n");
        var e = assertThrows(GatewayConfigLoader.ConfigException.class,
                () -> GatewayConfigLoader.load(file, GatewayConfig.DEFAULTS));
        assertTrue(e.getMessage().contains("line 1: core: transport must be udp or tcp"), e.getMessage());
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() throws IOException {
        Path file = write("domain: a\n  bad: [\n");
        var e = assertThrows(GatewayConfigLoader.ConfigException.class,
                () -> GatewayConfigLoader.load(file, GatewayConfig.DEFAULTS));
        assertTrue(e.getMessage().contains(" line "), e.getMessage());
    }

    @Test
    void noInspectTurnsInspectionOffAndCannotStandBesideASink() throws IOException {
        GatewayConfig off = GatewayConfigLoader.load(write("no-inspect: true\n"), GatewayConfig.DEFAULTS);
        assertTrue(off.inspect().off());
        Path both = write("pcap: /tmp/legs.pcap\nno-inspect: true\n");
        var e = assertThrows(GatewayConfigLoader.ConfigException.class,
                () -> GatewayConfigLoader.load(both, GatewayConfig.DEFAULTS));
        assertTrue(e.getMessage().contains("no-inspect"), e.getMessage());
    }

    @Test
    void emptyFileKeepsTheDefaults() throws IOException {
        assertEquals(GatewayConfig.DEFAULTS, GatewayConfigLoader.load(write(""), GatewayConfig.DEFAULTS));
    }

    @Test
    void parsesCoreTargetsAndAddresses() {
        assertEquals(new CoreTarget.Embedded(CoreTarget.DEFAULT_EMBEDDED_LISTEN), CoreTarget.parse("embedded"));
        assertEquals(new CoreTarget.Remote(new HostAndPort("kamailio", 5060), CoreTarget.Transport.UDP),
                CoreTarget.parse("sip:kamailio"));
        assertEquals(new HostAndPort("::1", 80), HostAndPort.parse("[::1]:80"));
        assertEquals(new HostAndPort("0.0.0.0", 8080), HostAndPort.parse(":8080"));
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> CoreTarget.parse("http://x"));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("gateway.yaml"), yaml);
    }
}
