package io.sipcgateway.sipc.codec;

/**
 * What broke in a malformed frame. Each kind says where its byte offset points, so a failure can be located in a
 * capture; the malformed fixture corpus names these kinds.
 */
public enum SipcDecodeError {
    /** The start line is neither {@code METHOD target SIP-C/x.y} nor {@code SIP-C/x.y code reason}; offset: the
     * offending token (or the line end where a token is missing). */
    BAD_START_LINE(false),
    /** The version token is not {@code SIP-C/x.y}; offset: the token. */
    BAD_VERSION(false),
    /** The method is not an RFC 3261 token; offset: the token. */
    BAD_METHOD(false),
    /** The status code is not three digits from 100 to 699; offset: the code. */
    BAD_STATUS_CODE(false),
    /** A header line has no colon, an empty or invalid name, or starts with white space (folding is not
     * SIP-C); offset: the line's first byte. */
    BAD_HEADER(false),
    /** A NUL, a bare CR or another control byte in the start line or headers; offset: that byte. */
    CONTROL_CHARACTER(false),
    /** {@code L} is not {@code <digits>} or {@code <digits>;p=<digits>}; offset: the {@code L} line. */
    BAD_CONTENT_LENGTH(false),
    /** A second {@code L} with a different value; offset: the second {@code L} line. */
    CONFLICTING_CONTENT_LENGTH(false),
    /** The input ended inside a message (start line, headers or body); offset: the end of the input. */
    TRUNCATED(false),
    /** The start line exceeds {@code maxStartLineLength}; offset: the line's first byte. */
    START_LINE_TOO_LONG(true),
    /** A header line exceeds {@code maxHeaderLineLength}; offset: the line's first byte. */
    HEADER_LINE_TOO_LONG(true),
    /** More than {@code maxHeaderCount} headers; offset: the first header line over the limit. */
    TOO_MANY_HEADERS(true),
    /** {@code L} exceeds {@code maxBodyLength}; offset: the {@code L} line. */
    BODY_TOO_LONG(true);

    private final boolean tooLong;

    SipcDecodeError(boolean tooLong) {
        this.tooLong = tooLong;
    }

    /** True for the size limits, which surface as {@link TooLongSipcFrameException}. */
    public boolean isTooLong() {
        return tooLong;
    }
}
