package io.sipcgateway.gateway.config;

import io.sipcgateway.gateway.inspect.InspectOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gateway reads at start, as one immutable value: built from defaults, then the YAML file, then the
 * command line (STYLE 5.8: nothing else reads arguments or system properties).
 *
 * @param sipcListen the legacy SIP-C listener (real clients used TCP 8080, section 1.3)
 * @param httpListen the navigation endpoint, {@code POST /nav/getsystemconfig.aspx} (port 80 in the wild)
 * @param httpsListen the SSI sign-in endpoint over TLS (port 443 in the wild)
 * @param sipListen the gateway's own SIP endpoint toward the core
 * @param core the RFC core: embedded (default) or a remote proxy/registrar
 * @param domain the core's SIP domain; legacy sid {@code N} is {@code sip:N@domain} there
 * @param accounts the legacy account directory (YAML); empty means the two demo accounts
 * @param registrationExpiry the {@code X} given to legacy clients and the REGISTER expiry toward the core
 * @param coreTimeout how long a legacy request waits for the core before it is answered 504
 * @param sipcAdvertise the SIP-C address the navigation answer gives clients ({@code <sipc-proxy>}); by default the
 *        listener's, with a wildcard host replaced by 127.0.0.1
 * @param inspect where translation pairs go (JSON Lines, HEP, pcap) and whether bodies are masked
 * @param adminListen the admin listener: live view, {@code /metrics}, {@code /health} (loopback by default)
 */
public record GatewayConfig(HostAndPort sipcListen, HostAndPort httpListen, HostAndPort httpsListen,
        HostAndPort sipListen, CoreTarget core, String domain, Optional<Path> accounts, Duration registrationExpiry,
        Duration coreTimeout, Optional<HostAndPort> sipcAdvertise, InspectOptions inspect,
        HostAndPort adminListen) {

    public static final HostAndPort DEFAULT_SIPC_LISTEN = new HostAndPort("0.0.0.0", 8080);
    public static final HostAndPort DEFAULT_HTTP_LISTEN = new HostAndPort("0.0.0.0", 8081);
    public static final HostAndPort DEFAULT_HTTPS_LISTEN = new HostAndPort("0.0.0.0", 8443);
    public static final HostAndPort DEFAULT_SIP_LISTEN = new HostAndPort("127.0.0.1", 5070);
    public static final HostAndPort DEFAULT_ADMIN_LISTEN = new HostAndPort("127.0.0.1", 8090);
    public static final String DEFAULT_DOMAIN = "sipc.local";
    /** {@code X: 600}, what the real servers gave (section 1.4). */
    public static final Duration DEFAULT_REGISTRATION_EXPIRY = Duration.ofSeconds(600);
    public static final Duration DEFAULT_CORE_TIMEOUT = Duration.ofSeconds(8);

    public static final GatewayConfig DEFAULTS = new GatewayConfig(DEFAULT_SIPC_LISTEN, DEFAULT_HTTP_LISTEN,
            DEFAULT_HTTPS_LISTEN, DEFAULT_SIP_LISTEN, new CoreTarget.Embedded(CoreTarget.DEFAULT_EMBEDDED_LISTEN),
            DEFAULT_DOMAIN, Optional.empty(), DEFAULT_REGISTRATION_EXPIRY, DEFAULT_CORE_TIMEOUT, Optional.empty(),
            InspectOptions.NONE, DEFAULT_ADMIN_LISTEN);

    public GatewayConfig {
        Objects.requireNonNull(sipcListen, "sipcListen");
        Objects.requireNonNull(httpListen, "httpListen");
        Objects.requireNonNull(httpsListen, "httpsListen");
        Objects.requireNonNull(sipListen, "sipListen");
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(registrationExpiry, "registrationExpiry");
        Objects.requireNonNull(coreTimeout, "coreTimeout");
        Objects.requireNonNull(sipcAdvertise, "sipcAdvertise");
        Objects.requireNonNull(inspect, "inspect");
        Objects.requireNonNull(adminListen, "adminListen");
        if (domain.isBlank() || domain.chars().anyMatch(c -> c <= ' ' || c == '@' || c == ':')) {
            throw new IllegalArgumentException("domain must be a host name, got '" + domain + "'");
        }
        if (registrationExpiry.toSeconds() < 60 || registrationExpiry.toSeconds() > 86_400) {
            throw new IllegalArgumentException("registration expiry must be 60..86400 s: " + registrationExpiry);
        }
        if (coreTimeout.isNegative() || coreTimeout.isZero() || coreTimeout.toSeconds() > 64) {
            throw new IllegalArgumentException("core timeout must be 1 ms..64 s: " + coreTimeout);
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes one field at a time; {@link #build()} validates. */
    public static final class Builder {
        private HostAndPort sipcListen;
        private HostAndPort httpListen;
        private HostAndPort httpsListen;
        private HostAndPort sipListen;
        private CoreTarget core;
        private String domain;
        private Optional<Path> accounts;
        private Duration registrationExpiry;
        private Duration coreTimeout;
        private Optional<HostAndPort> sipcAdvertise;
        private InspectOptions inspect;
        private HostAndPort adminListen;

        private Builder(GatewayConfig from) {
            sipcListen = from.sipcListen;
            httpListen = from.httpListen;
            httpsListen = from.httpsListen;
            sipListen = from.sipListen;
            core = from.core;
            domain = from.domain;
            accounts = from.accounts;
            registrationExpiry = from.registrationExpiry;
            coreTimeout = from.coreTimeout;
            sipcAdvertise = from.sipcAdvertise;
            inspect = from.inspect;
            adminListen = from.adminListen;
        }

        public Builder sipcListen(HostAndPort value) {
            sipcListen = value;
            return this;
        }

        public Builder httpListen(HostAndPort value) {
            httpListen = value;
            return this;
        }

        public Builder httpsListen(HostAndPort value) {
            httpsListen = value;
            return this;
        }

        public Builder sipListen(HostAndPort value) {
            sipListen = value;
            return this;
        }

        public Builder core(CoreTarget value) {
            core = value;
            return this;
        }

        public Builder domain(String value) {
            domain = value;
            return this;
        }

        public Builder accounts(Path value) {
            accounts = Optional.ofNullable(value);
            return this;
        }

        public Builder registrationExpiry(Duration value) {
            registrationExpiry = value;
            return this;
        }

        public Builder coreTimeout(Duration value) {
            coreTimeout = value;
            return this;
        }

        public Builder sipcAdvertise(HostAndPort value) {
            sipcAdvertise = Optional.ofNullable(value);
            return this;
        }

        public Builder inspect(InspectOptions value) {
            inspect = value;
            return this;
        }

        public Builder adminListen(HostAndPort value) {
            adminListen = value;
            return this;
        }

        /** The current inspection options, to change one of them. */
        public InspectOptions inspect() {
            return inspect;
        }

        public GatewayConfig build() {
            return new GatewayConfig(sipcListen, httpListen, httpsListen, sipListen, core, domain, accounts,
                    registrationExpiry, coreTimeout, sipcAdvertise, inspect, adminListen);
        }
    }
}
