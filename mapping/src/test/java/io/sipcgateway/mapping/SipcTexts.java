package io.sipcgateway.mapping;

import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeader;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.codec.InvalidSipcFrame;
import io.sipcgateway.sipc.codec.SipcParser;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Legacy-side bytes in tests: decoded with the gateway's own decoder, compared as {@link SipcMessage} values. */
final class SipcTexts {
    private SipcTexts() {
    }

    static List<SipcMessage> decodeAll(byte[] bytes) {
        SipcParser.Result result = SipcParser.parseAll(bytes);
        if (result.failure().isPresent()) {
            InvalidSipcFrame failure = result.failure().get();
            throw new AssertionError("bad SIP-C at byte " + failure.offset() + ": " + failure.cause().getMessage());
        }
        return result.messages();
    }

    /** What we generated, as a client would decode it (encoded with {@code L} computed, decoded again). */
    static SipcMessage redecode(SipcMessage generated) {
        List<SipcMessage> once = decodeAll(generated.toBytes());
        if (once.size() != 1) {
            throw new AssertionError("expected one message, got " + once.size());
        }
        return once.get(0);
    }

    /**
     * The message without the {@code lossy} header letters (and its body if {@code body} is lossy), headers sorted
     * by name with repeated names kept in order: what a round trip must preserve.
     */
    static SipcMessage normalise(SipcMessage message, Set<String> lossy) {
        List<SipcHeader> kept = message.headers().asList().stream()
                .filter(h -> !lossy.contains(h.name().compact()))
                .filter(h -> !h.name().compact().equals("L"))
                .sorted(Comparator.comparing(h -> h.name().compact()))
                .toList();
        SipcHeaders.Builder builder = SipcHeaders.builder();
        kept.forEach(h -> builder.add(h.name(), h.value()));
        SipcHeaders headers = builder.build();
        SipcBody body = lossy.contains("body") ? SipcBody.EMPTY : message.body();
        if (message instanceof SipcRequest r) {
            return new SipcRequest(r.method(), r.target(), r.version(), headers, body);
        }
        SipcResponse r = (SipcResponse) message;
        return new SipcResponse(r.version(), r.status(), headers, body);
    }
}
