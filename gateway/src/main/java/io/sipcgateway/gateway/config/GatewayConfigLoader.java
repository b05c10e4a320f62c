package io.sipcgateway.gateway.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the YAML config file: a flat map whose keys are the {@code run} command's long option names
 * ({@code sipc-listen: 0.0.0.0:8080}, {@code core: sip:127.0.0.1:5060;transport=tcp}, ...). Errors name the file,
 * line and key; unknown keys are errors, so a typo cannot be silently ignored.
 */
public final class GatewayConfigLoader {
    private static final Map<String, Setter> KEYS = Map.ofEntries(
            Map.<String, Setter>entry("sipc-listen", (b, v) -> b.sipcListen(HostAndPort.parse(v))),
            Map.<String, Setter>entry("sipc-advertise", (b, v) -> b.sipcAdvertise(HostAndPort.parse(v))),
            Map.<String, Setter>entry("http-listen", (b, v) -> b.httpListen(HostAndPort.parse(v))),
            Map.<String, Setter>entry("https-listen", (b, v) -> b.httpsListen(HostAndPort.parse(v))),
            Map.<String, Setter>entry("sip-listen", (b, v) -> b.sipListen(HostAndPort.parse(v))),
            Map.<String, Setter>entry("core", (b, v) -> b.core(CoreTarget.parse(v))),
            Map.<String, Setter>entry("domain", GatewayConfig.Builder::domain),
            Map.<String, Setter>entry("accounts", (b, v) -> b.accounts(Path.of(v))),
            Map.<String, Setter>entry("registration-expiry",
                    (b, v) -> b.registrationExpiry(Duration.ofSeconds(Long.parseLong(v)))),
            Map.<String, Setter>entry("core-timeout-ms",
                    (b, v) -> b.coreTimeout(Duration.ofMillis(Long.parseLong(v)))),
            Map.<String, Setter>entry("admin-listen", (b, v) -> b.adminListen(HostAndPort.parse(v))),
            Map.<String, Setter>entry("inspect-log", (b, v) -> b.inspect(b.inspect().withLog(v))),
            Map.<String, Setter>entry("hep", (b, v) -> b.inspect(b.inspect().withHep(v))),
            Map.<String, Setter>entry("pcap", (b, v) -> b.inspect(b.inspect().withPcap(Path.of(v)))),
            Map.<String, Setter>entry("inspect-redact-bodies",
                    (b, v) -> b.inspect(b.inspect().withRedactBodies(Boolean.parseBoolean(v)))),
            Map.<String, Setter>entry("no-inspect", (b, v) -> b.inspect(b.inspect().withOff(Boolean.parseBoolean(v)))));

    /** Applies one key's value to the builder. */
    private interface Setter extends BiFunction<GatewayConfig.Builder, String, GatewayConfig.Builder> {
    }

    private GatewayConfigLoader() {
    }

    /** The config keys, for {@code --help} and the README. */
    public static Set<String> keys() {
        return new TreeSet<>(KEYS.keySet());
    }

    /** Applies {@code file} on top of {@code base}. */
    public static GatewayConfig load(Path file, GatewayConfig base) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(file + " line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        GatewayConfig.Builder builder = base.toBuilder();
        if (root == null) {
            return builder.build();
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ConfigException(file + " line " + line(root) + ": expected a map of option: value");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(file, tuple.getKeyNode());
            var setter = KEYS.get(key);
            if (setter == null) {
                throw new ConfigException(file + " line " + line(tuple.getKeyNode()) + ": unknown key '" + key
                        + "'; known keys: " + keys());
            }
            String value = scalar(file, tuple.getValueNode());
            try {
                setter.apply(builder, value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + " line " + line(tuple.getValueNode()) + ": " + key + ": "
                        + e.getMessage());
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    private static String scalar(Path file, Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new ConfigException(file + " line " + line(node) + ": expected a single value");
        }
        return scalar.getValue();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** A config problem, with a message fit to show the user as it is. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }
}
