package io.sipcgateway.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sipcgateway.sipc.SipcHeader;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * One line per {@link ClientEvent}, for the {@code client} command: text ({@code < } in, {@code > } out, headers
 * separated by {@code " | "}, the body after {@code " || "} with CR and LF escaped), or one JSON object per line with
 * {@code direction}, {@code type}, {@code method}/{@code target} or {@code status}/{@code reason}, {@code headers}
 * (an ordered list: names repeat) and {@code body}.
 */
final class EventPrinter implements Consumer<ClientEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;

    EventPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void accept(ClientEvent event) {
        String line = json ? json(event) : text(event);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** A comment line in text mode ({@code # ...}); nothing in JSON mode, whose lines are all events. */
    void note(String text) {
        if (!json) {
            synchronized (out) {
                out.println("# " + text);
                out.flush();
            }
        }
    }

    static String text(ClientEvent event) {
        if (event instanceof ClientEvent.Malformed malformed) {
            return "< malformed: " + malformed.frame().cause().getMessage();
        }
        if (event instanceof ClientEvent.Closed closed) {
            return closed.byGateway() ? "-- connection closed by the gateway" : "-- connection closed";
        }
        ClientEvent.Message m = (ClientEvent.Message) event;
        StringBuilder line = new StringBuilder(m.direction() == ClientEvent.Direction.IN ? "< " : "> ");
        if (m.automatic()) {
            line.append("(auto) ");
        }
        line.append(m.message().startLine());
        for (SipcHeader header : m.message().headers().asList()) {
            line.append(" | ").append(header.name().compact()).append(": ").append(header.value());
        }
        if (!m.message().body().isEmpty()) {
            line.append(" || ").append(m.message().body().utf8().replace("\r", "\\r").replace("\n", "\\n"));
        }
        return line.toString();
    }

    static String json(ClientEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", event.at().toString());
        if (event instanceof ClientEvent.Malformed malformed) {
            node.put("direction", "in").put("type", "malformed").put("error", malformed.frame().error().name())
                    .put("detail", malformed.frame().cause().getMessage());
        } else if (event instanceof ClientEvent.Closed closed) {
            node.put("direction", closed.byGateway() ? "in" : "out").put("type", "closed");
        } else {
            message(node, (ClientEvent.Message) event);
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void message(ObjectNode node, ClientEvent.Message m) {
        SipcMessage message = m.message();
        node.put("direction", m.direction() == ClientEvent.Direction.IN ? "in" : "out").put("automatic", m.automatic());
        if (message instanceof SipcRequest request) {
            node.put("type", "request").put("method", request.method().token()).put("target", request.target());
        } else {
            SipcResponse response = (SipcResponse) message;
            node.put("type", "response").put("status", response.code()).put("reason", response.status().reason());
        }
        node.put("version", message.version().toString());
        ArrayNode headers = node.putArray("headers");
        for (SipcHeader header : message.headers().asList()) {
            headers.addObject().put("name", header.name().compact()).put("value", header.value());
        }
        node.put("body", message.body().utf8());
    }
}
