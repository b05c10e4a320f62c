package io.sipcgateway.sipc.codec;

import io.netty.handler.codec.DecoderException;
import java.util.Objects;

/** Malformed SIP-C input: bad start line, header syntax, bad {@code L}, control bytes, truncation. */
public final class SipcDecoderException extends DecoderException implements SipcFrameException {
    private static final long serialVersionUID = 1L;

    private final SipcDecodeError error;
    private final long offset;

    public SipcDecoderException(SipcDecodeError error, long offset, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.offset = offset;
        if (error.isTooLong()) {
            throw new IllegalArgumentException(error + " is a TooLongSipcFrameException");
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
