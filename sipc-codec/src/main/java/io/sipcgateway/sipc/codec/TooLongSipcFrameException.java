package io.sipcgateway.sipc.codec;

import io.netty.handler.codec.TooLongFrameException;
import java.util.Objects;

/** A SIP-C frame over one of the decoder's size limits ({@link SipcDecoderConfig}). */
public final class TooLongSipcFrameException extends TooLongFrameException implements SipcFrameException {
    private static final long serialVersionUID = 1L;

    private final SipcDecodeError error;
    private final long offset;

    public TooLongSipcFrameException(SipcDecodeError error, long offset, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.offset = offset;
        if (!error.isTooLong()) {
            throw new IllegalArgumentException(error + " is a SipcDecoderException");
        }
    }

    @Override
    public SipcDecodeError error() {
        return error;
    }

    @Override
    public long offset() {
        return offset;
    }
}
