package io.sipcgateway.gateway.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipcgateway.gateway.client.ClientConfig;
import io.sipcgateway.gateway.client.ClientEvent;
import io.sipcgateway.gateway.client.LegacyClient;
import io.sipcgateway.sipc.SipcHeader;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link LegacyClient}s against a {@link LegacyFront}, closed after each test, and assertions on what they saw. */
final class Clients implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    /** Tests that are not about the timer turn it off, so that only their own requests are on the wire. */
    static final ClientConfig NO_TIMER = ClientConfig.DEFAULT.withKeepAliveInterval(Duration.ZERO);
    private static final Pattern NONCE = Pattern.compile("nonce=\"([0-9A-F]{32})\"");

    private final LegacyFront front;
    private final List<LegacyClient> open = new ArrayList<>();

    Clients(LegacyFront front) {
        this.front = front;
    }

    LegacyClient connect() {
        return connect(NO_TIMER);
    }

    LegacyClient connect(ClientConfig config) {
        LegacyClient client = LegacyClient.connect(front.host(), front.port(), config).orElseThrow();
        open.add(client);
        return client;
    }

    @Override
    public void close() {
        open.forEach(LegacyClient::close);
    }

    /** The header names in order, as the encoder will write them apart from {@code L}. */
    static List<String> names(SipcMessage message) {
        return message.headers().asList().stream().map(SipcHeader::name).map(SipcHeaderName::compact).toList();
    }

    /** {@code response} echoes {@code I} and {@code Q} of {@code request} (section 3). */
    static void assertEchoes(SipcMessage request, SipcResponse response) {
        assertEquals(request.callId(), response.callId(), "I echoed");
        assertEquals(request.header(SipcHeaderName.CSEQ), response.header(SipcHeaderName.CSEQ), "Q echoed");
    }

    static String nonce(SipcResponse challenge) {
        Matcher m = NONCE.matcher(challenge.header(SipcHeaderName.WWW_AUTHENTICATE).orElse(""));
        return m.find() ? m.group(1) : "";
    }

    /** The responses received so far, in order, taken from the client's queue. */
    static List<SipcResponse> drainResponses(LegacyClient client) {
        List<SipcResponse> out = new ArrayList<>();
        for (ClientEvent event = client.received().poll(); event != null; event = client.received().poll()) {
            if (event instanceof ClientEvent.Message m && m.message() instanceof SipcResponse r) {
                out.add(r);
            }
        }
        return out;
    }
}
