package io.sipcgateway.gateway.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Composes nodes from SnakeYAML's event stream one subtree at a time, so that a large file never exists as one
 * node tree: SnakeYAML's own {@code compose()} keeps every node of 100,000 accounts alive at once, which made
 * loading slow and memory-bound. Stricter than SnakeYAML's composer: explicit tags other than the standard
 * {@code !!str}-like ones are refused, and an alias must name a node that is already complete (so no node can
 * contain itself), at most {@link #MAX_ALIASES} times per file.
 */
final class YamlNodeStream {
    static final int MAX_ALIASES = 50;

    private final Iterator<Event> events;
    private final Map<String, Node> anchors = new HashMap<>();
    private Event peeked;
    private int aliases;

    YamlNodeStream(Iterator<Event> events) {
        this.events = events;
    }

    /** A structural problem the YAML parser does not catch; ends the load. */
    static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        RefusedException(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    boolean at(Event.ID id) {
        return peek().is(id);
    }

    Event peek() {
        if (peeked == null) {
            peeked = events.next();
        }
        return peeked;
    }

    Event next() {
        Event event = peek();
        peeked = null;
        return event;
    }

    /** Consumes an event of kind {@code id}; anything else is refused. */
    Event expect(Event.ID id) {
        Event event = next();
        if (!event.is(id)) {
            throw new RefusedException(line(event), "expected " + id + ", got " + event.getEventId());
        }
        return event;
    }

    /** The node that starts at the next event, with everything below it. */
    Node compose() {
        Event event = next();
        if (event instanceof AliasEvent alias) {
            Node node = anchors.get(alias.getAnchor());
            if (node == null) {
                throw new RefusedException(line(event), "alias *" + alias.getAnchor() + " names no complete node");
            }
            if (++aliases > MAX_ALIASES) {
                throw new RefusedException(line(event), "more than " + MAX_ALIASES + " aliases");
            }
            return node;
        }
        Node node;
        if (event instanceof ScalarEvent scalar) {
            node = new ScalarNode(scalarTag(scalar), scalar.getValue(), scalar.getStartMark(), scalar.getEndMark(),
                    scalar.getScalarStyle());
        } else if (event.is(Event.ID.SequenceStart)) {
            CollectionStartEvent start = (CollectionStartEvent) event;
            Tag tag = collectionTag(start, Tag.SEQ);
            List<Node> items = new ArrayList<>();
            while (!at(Event.ID.SequenceEnd)) {
                items.add(compose());
            }
            node = new SequenceNode(tag, true, items, start.getStartMark(),
                    next().getEndMark(), start.getFlowStyle());
        } else if (event.is(Event.ID.MappingStart)) {
            CollectionStartEvent start = (CollectionStartEvent) event;
            Tag tag = collectionTag(start, Tag.MAP);
            List<NodeTuple> tuples = new ArrayList<>();
            while (!at(Event.ID.MappingEnd)) {
                Node key = compose();
                tuples.add(new NodeTuple(key, compose()));
            }
            node = new MappingNode(tag, true, tuples, start.getStartMark(),
                    next().getEndMark(), start.getFlowStyle());
        } else {
            throw new RefusedException(line(event), "unexpected " + event.getEventId());
        }
        String anchor = ((NodeEvent) event).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    /**
     * {@link Tag#NULL} for what YAML 1.1 reads as null ({@code ~}, {@code null}, nothing), else {@link Tag#STR}:
     * values are only ever read as text, so the other implicit types need not be resolved.
     */
    private static Tag scalarTag(ScalarEvent scalar) {
        if (scalar.getTag() != null && !scalar.getTag().equals("!")) {
            return standardTag(scalar.getTag(), scalar);
        }
        if (!scalar.getImplicit().canOmitTagInPlainScalar()) {
            return Tag.STR;
        }
        return switch (scalar.getValue()) {
            case "", "~", "null", "Null", "NULL" -> Tag.NULL;
            default -> Tag.STR;
        };
    }

    private static Tag collectionTag(CollectionStartEvent start, Tag implicit) {
        return start.getTag() == null || start.getTag().equals("!") ? implicit : standardTag(start.getTag(), start);
    }

    private static Tag standardTag(String text, Event event) {
        Tag tag = new Tag(text);
        if (!Tag.standardTags.contains(tag)) {
            throw new RefusedException(line(event), "tag " + text + " is not allowed: the file holds plain values");
        }
        return tag;
    }

    static int line(Event event) {
        return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
    }
}
