package io.sipcgateway.sipc.codec;

/**
 * The decoder's limits, each with its default (Netty {@code HttpDecoderConfig}). The defaults leave room for every
 * captured message: the longest header line seen is the v4 {@code W} challenge (~600 bytes, sample 02); the
 * longest body a client sends is a v2 {@code SUB} buddy list (a few KB). libofetion itself cannot read an {@code L}
 * over 99999 (section 1.2).
 *
 * @param maxStartLineLength bytes in the start line, CRLF excluded
 * @param maxHeaderLineLength bytes in one header line, CRLF excluded
 * @param maxHeaderCount header lines in one message
 * @param maxBodyLength bytes in one body, as {@code L} declares it
 */
public record SipcDecoderConfig(int maxStartLineLength, int maxHeaderLineLength, int maxHeaderCount,
        int maxBodyLength) {
    public static final int DEFAULT_MAX_START_LINE_LENGTH = 1024;
    public static final int DEFAULT_MAX_HEADER_LINE_LENGTH = 8192;
    public static final int DEFAULT_MAX_HEADER_COUNT = 64;
    public static final int DEFAULT_MAX_BODY_LENGTH = 1024 * 1024;

    public static final SipcDecoderConfig DEFAULT = new SipcDecoderConfig(DEFAULT_MAX_START_LINE_LENGTH,
            DEFAULT_MAX_HEADER_LINE_LENGTH, DEFAULT_MAX_HEADER_COUNT, DEFAULT_MAX_BODY_LENGTH);

    public SipcDecoderConfig {
        positive("maxStartLineLength", maxStartLineLength);
        positive("maxHeaderLineLength", maxHeaderLineLength);
        positive("maxHeaderCount", maxHeaderCount);
        if (maxBodyLength < 0) {
            throw new IllegalArgumentException("maxBodyLength must be >= 0: " + maxBodyLength);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }

    public SipcDecoderConfig withMaxStartLineLength(int value) {
        return new SipcDecoderConfig(value, maxHeaderLineLength, maxHeaderCount, maxBodyLength);
    }

    public SipcDecoderConfig withMaxHeaderLineLength(int value) {
        return new SipcDecoderConfig(maxStartLineLength, value, maxHeaderCount, maxBodyLength);
    }

    public SipcDecoderConfig withMaxHeaderCount(int value) {
        return new SipcDecoderConfig(maxStartLineLength, maxHeaderLineLength, value, maxBodyLength);
    }

    public SipcDecoderConfig withMaxBodyLength(int value) {
        return new SipcDecoderConfig(maxStartLineLength, maxHeaderLineLength, maxHeaderCount, value);
    }
}
