package io.sipcgateway.gateway.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads from one YAML mapping of a composed node tree, each failure recorded with its line and field path.
 * Values are read as the raw scalar text, never constructed, so {@code password: 0x1F} stays the string it looks
 * like and no YAML tag can instantiate anything. A {@code null} scalar ({@code ~} or nothing) counts as absent.
 */
final class YamlFields {
    private final MappingNode node;
    private final String path;
    private final LoadErrors errors;
    private final Map<String, Node> values;
    private final int errorsBefore;

    private YamlFields(MappingNode node, String path, LoadErrors errors, Map<String, Node> values) {
        this.node = node;
        this.path = path;
        this.errors = errors;
        this.values = values;
        this.errorsBefore = errors.total();
    }

    /** The mapping at {@code node}, or empty (and an error) if it is not a mapping with known, unique keys. */
    static Optional<YamlFields> of(Node node, String path, List<String> allowed, LoadErrors errors) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(line(node), path, "expected a mapping, got " + describe(node));
            return Optional.empty();
        }
        int before = errors.total();
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalar)) {
                errors.add(line(key), path, "expected a field name, got " + describe(key));
            } else if (!allowed.contains(scalar.getValue())) {
                errors.add(line(key), join(path, scalar.getValue()), "unknown field (expected one of "
                        + String.join(", ", allowed) + ")");
            } else if (values.putIfAbsent(scalar.getValue(), tuple.getValueNode()) != null) {
                errors.add(line(key), join(path, scalar.getValue()), "field given twice");
            }
        }
        return errors.total() == before ? Optional.of(new YamlFields(mapping, path, errors, values))
                : Optional.empty();
    }

    /** True if reading this mapping recorded no error so far. */
    boolean ok() {
        return errors.total() == errorsBefore;
    }

    boolean has(String key) {
        Node value = values.get(key);
        return value != null && !isNull(value);
    }

    Node node() {
        return node;
    }

    String path(String key) {
        return join(path, key);
    }

    int line(String key) {
        Node value = values.get(key);
        return value != null ? line(value) : line(node);
    }

    /** A required scalar that {@code rule} accepts; records "missing" or the rule's problem. */
    Optional<String> required(String key, Function<String, Optional<String>> rule) {
        if (!has(key)) {
            errors.add(line(node), path(key), "missing");
            return Optional.empty();
        }
        return optional(key, rule);
    }

    /** An optional scalar that {@code rule} accepts; empty if absent or invalid (then with an error). */
    Optional<String> optional(String key, Function<String, Optional<String>> rule) {
        if (!has(key)) {
            return Optional.empty();
        }
        Node value = values.get(key);
        if (!(value instanceof ScalarNode scalar)) {
            errors.add(line(value), path(key), "expected a single value, got " + describe(value));
            return Optional.empty();
        }
        Optional<String> problem = rule.apply(scalar.getValue());
        if (problem.isPresent()) {
            errors.add(line(value), path(key), problem.get());
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    /** An optional sequence's items; empty if absent or not a sequence (then with an error). */
    Optional<List<Node>> sequence(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        Node value = values.get(key);
        if (!(value instanceof SequenceNode sequence)) {
            errors.add(line(value), path(key), "expected a list, got " + describe(value));
            return Optional.empty();
        }
        return Optional.of(sequence.getValue());
    }

    /** An optional nested mapping. */
    Optional<YamlFields> mapping(String key, List<String> allowed) {
        return has(key) ? of(values.get(key), path(key), allowed, errors) : Optional.empty();
    }

    /** Records a problem that concerns the whole mapping. */
    void fail(String message) {
        errors.add(line(node), path, message);
    }

    /** Records a problem of one field. */
    void fail(String key, String message) {
        errors.add(line(key), path(key), message);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return "'" + scalar.getValue() + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }
}
