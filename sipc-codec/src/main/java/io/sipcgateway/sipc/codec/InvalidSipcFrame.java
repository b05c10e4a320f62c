package io.sipcgateway.sipc.codec;

import io.netty.handler.codec.DecoderException;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcStartLine;
import java.util.Objects;
import java.util.Optional;

/**
 * What the decoder emits instead of a message when the input is malformed; after it, the decoder discards the rest
 * of the connection's input (Netty's {@code invalidMessage} + {@code BAD_MESSAGE}). It carries what was read so far,
 * so the session handler can still answer {@code 400} when {@code I} and {@code Q} are known.
 *
 * @param startLine the start line, if it was parsed
 * @param headersSoFar the headers parsed before the failure
 * @param cause a {@link SipcDecoderException} or {@link TooLongSipcFrameException}
 */
public record InvalidSipcFrame(Optional<SipcStartLine> startLine, SipcHeaders headersSoFar, DecoderException cause) {
    public InvalidSipcFrame {
        Objects.requireNonNull(startLine, "startLine");
        Objects.requireNonNull(headersSoFar, "headersSoFar");
        Objects.requireNonNull(cause, "cause");
        if (!(cause instanceof SipcFrameException)) {
            throw new IllegalArgumentException("cause must be a SipcFrameException: " + cause);
        }
    }

    public SipcDecodeError error() {
        return ((SipcFrameException) cause).error();
    }

    public long offset() {
        return ((SipcFrameException) cause).offset();
    }

    /** True if a reply can be correlated: the client's {@code I} and {@code Q} were read before the failure. */
    public boolean canReply() {
        return headersSoFar.contains(SipcHeaderName.CALL_ID) && headersSoFar.contains(SipcHeaderName.CSEQ);
    }
}
