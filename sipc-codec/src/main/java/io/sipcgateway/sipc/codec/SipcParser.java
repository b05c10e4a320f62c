package io.sipcgateway.sipc.codec;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.sipcgateway.sipc.SipcMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes SIP-C from bytes outside a pipeline (the {@code translate} command, tests, tools), with exactly the
 * decoder the gateway runs, so offline and live parsing cannot disagree.
 */
public final class SipcParser {
    private SipcParser() {
    }

    /**
     * Every message in {@code bytes}, in order, and the failure that stopped decoding, if any. The end of
     * {@code bytes} is the end of the stream: a message cut short is a {@link SipcDecodeError#TRUNCATED} failure.
     */
    public record Result(List<SipcMessage> messages, Optional<InvalidSipcFrame> failure) {
        public Result {
            messages = List.copyOf(messages);
        }
    }

    public static Result parseAll(byte[] bytes) {
        return parseAll(bytes, SipcDecoderConfig.DEFAULT);
    }

    public static Result parseAll(byte[] bytes, SipcDecoderConfig config) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipcDecoder(config));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        channel.finish();
        List<SipcMessage> messages = new ArrayList<>();
        InvalidSipcFrame failure = null;
        for (Object decoded; (decoded = channel.readInbound()) != null; ) {
            if (decoded instanceof SipcMessage message) {
                messages.add(message);
            } else if (decoded instanceof InvalidSipcFrame invalid) {
                failure = invalid;
            }
        }
        return new Result(messages, Optional.ofNullable(failure));
    }

    /**
     * Exactly one message.
     *
     * @throws SipcDecoderException or {@link TooLongSipcFrameException} if {@code bytes} is malformed
     * @throws IllegalArgumentException if it holds no message or more than one
     */
    public static SipcMessage parse(byte[] bytes) {
        Result result = parseAll(bytes);
        if (result.failure().isPresent()) {
            throw (RuntimeException) result.failure().get().cause();
        }
        if (result.messages().size() != 1) {
            throw new IllegalArgumentException("expected one message, found " + result.messages().size());
        }
        return result.messages().get(0);
    }

    /** Exactly one message, or empty if {@code bytes} is anything else. */
    public static Optional<SipcMessage> tryParse(byte[] bytes) {
        Result result = parseAll(bytes);
        return result.failure().isEmpty() && result.messages().size() == 1
                ? Optional.of(result.messages().get(0)) : Optional.empty();
    }
}
