package io.sipcgateway.gateway.cli;

import io.sipcgateway.gateway.Gateway;
import io.sipcgateway.gateway.config.CoreTarget;
import io.sipcgateway.gateway.config.GatewayConfig;
import io.sipcgateway.gateway.config.GatewayConfigLoader;
import io.sipcgateway.gateway.config.HostAndPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: starts the gateway. Defaults, then the YAML file ({@code --config}), then these options; every option
 * is also a key of the YAML file (the long name without dashes).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the gateway: the SIP-C listener for legacy Fetion clients and the bridge to the core.",
            "With no --core it starts an embedded SIMPLE core; with no --accounts, two demo accounts",
            "(alice 916000001 / alicepw, bob 916000002 / bobpw)."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with any of the options below.")
    private Path config;

    @Option(names = "--sipc-listen", paramLabel = "HOST:PORT",
            description = "SIP-C listener for legacy clients (default 0.0.0.0:8080).")
    private String sipcListen;

    @Option(names = "--sipc-advertise", paramLabel = "HOST:PORT",
            description = "The SIP-C address given to clients by the navigation endpoint (default: the listener's, "
                    + "127.0.0.1 for a wildcard host).")
    private String sipcAdvertise;

    @Option(names = "--http-listen", paramLabel = "HOST:PORT",
            description = "Navigation endpoint, POST /nav/getsystemconfig.aspx (default 0.0.0.0:8081; clients use 80).")
    private String httpListen;

    @Option(names = "--https-listen", paramLabel = "HOST:PORT",
            description = "SSI sign-in over TLS, self-signed certificate (default 0.0.0.0:8443; clients use 443).")
    private String httpsListen;

    @Option(names = "--sip-listen", paramLabel = "HOST:PORT",
            description = "The gateway's SIP address toward the core (default 127.0.0.1:5070).")
    private String sipListen;

    @Option(names = "--core", paramLabel = "embedded|sip:HOST:PORT;transport=udp|tcp",
            description = "The RFC core: 'embedded' (default, in-process on 127.0.0.1:5060) or a proxy/registrar "
                    + "such as Kamailio.")
    private String core;

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "The core's SIP domain; legacy sid N is sip:N@DOMAIN there (default sipc.local).")
    private String domain;

    @Option(names = "--accounts", paramLabel = "FILE", description = "Legacy account directory (YAML).")
    private Path accounts;

    @Option(names = "--registration-expiry", paramLabel = "SECONDS",
            description = "X given to clients and REGISTER expiry at the core (default 600).")
    private Long registrationExpiry;

    @Option(names = "--core-timeout-ms", paramLabel = "MS",
            description = "How long a legacy request waits for the core before it gets 504 (default 8000).")
    private Long coreTimeoutMs;

    @Option(names = "--admin-listen", paramLabel = "HOST:PORT",
            description = "Admin listener: live view of translations, /metrics, /health (default 127.0.0.1:8090).")
    private String adminListen;

    @Option(names = "--inspect-log", paramLabel = "FILE|-",
            description = "Write every translation pair as JSON Lines to FILE (rotated by size), or - for stdout.")
    private String inspectLog;

    @Option(names = "--hep", paramLabel = "HOST:PORT",
            description = "Export both legs as HEP v3 over UDP, e.g. to 'sngrep -L udp:HOST:PORT' or Homer.")
    private String hep;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Write both legs to a pcap file for Wireshark.")
    private Path pcap;

    @Option(names = "--inspect-redact-bodies", description = "Mask message text in every inspection sink.")
    private boolean redactBodies;

    @Option(names = "--no-inspect", description = "Record no translation pairs (no sink, empty live view); "
            + "/metrics still counts every message.")
    private boolean noInspect;

    @Override
    public Integer call() throws Exception {
        GatewayConfig merged;
        try {
            merged = config();
        } catch (IllegalArgumentException | GatewayConfigLoader.ConfigException e) {
            spec.commandLine().getErr().println("sipc-gateway: " + e.getMessage());
            return 2;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(merged);
        } catch (IOException | UncheckedIOException | GeneralSecurityException e) {
            spec.commandLine().getErr().println("sipc-gateway: could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        spec.commandLine().getOut().printf("sipc-gateway running: SIP-C on %s, core %s, domain %s%n",
                gateway.legacyAddress(), merged.core(), merged.domain());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** The effective configuration: defaults, the YAML file, then the command line. */
    GatewayConfig config() {
        GatewayConfig base = config == null ? GatewayConfig.DEFAULTS
                : GatewayConfigLoader.load(config, GatewayConfig.DEFAULTS);
        GatewayConfig.Builder b = base.toBuilder();
        if (sipcListen != null) {
            b.sipcListen(HostAndPort.parse(sipcListen));
        }
        if (sipcAdvertise != null) {
            b.sipcAdvertise(HostAndPort.parse(sipcAdvertise));
        }
        if (httpListen != null) {
            b.httpListen(HostAndPort.parse(httpListen));
        }
        if (httpsListen != null) {
            b.httpsListen(HostAndPort.parse(httpsListen));
        }
        if (sipListen != null) {
            b.sipListen(HostAndPort.parse(sipListen));
        }
        if (core != null) {
            b.core(CoreTarget.parse(core));
        }
        if (domain != null) {
            b.domain(domain);
        }
        if (accounts != null) {
            b.accounts(accounts);
        }
        if (registrationExpiry != null) {
            b.registrationExpiry(Duration.ofSeconds(registrationExpiry));
        }
        if (coreTimeoutMs != null) {
            b.coreTimeout(Duration.ofMillis(coreTimeoutMs));
        }
        if (adminListen != null) {
            b.adminListen(HostAndPort.parse(adminListen));
        }
        if (inspectLog != null) {
            b.inspect(b.inspect().withLog(inspectLog));
        }
        if (hep != null) {
            b.inspect(b.inspect().withHep(hep));
        }
        if (pcap != null) {
            b.inspect(b.inspect().withPcap(pcap));
        }
        if (redactBodies) {
            b.inspect(b.inspect().withRedactBodies(true));
        }
        if (noInspect) {
            b.inspect(b.inspect().withOff(true));
        }
        return b.build();
    }
}
