package io.sipcgateway.sipc.codec;

/** What every decoder failure tells: the kind of error and the byte offset in the connection's input. */
public interface SipcFrameException {

    SipcDecodeError error();

    /** Offset of the failure from the first byte the decoder read on this connection (pkts {@code errorOffset}). */
    long offset();

    /** Builds the exception type that fits {@code error}. */
    static RuntimeException of(SipcDecodeError error, long offset, String detail) {
        String message = error + " at byte " + offset + ": " + detail;
        return error.isTooLong()
                ? new TooLongSipcFrameException(error, offset, message)
                : new SipcDecoderException(error, offset, message);
    }
}
