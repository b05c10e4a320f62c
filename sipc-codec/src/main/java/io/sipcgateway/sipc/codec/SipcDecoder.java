package io.sipcgateway.sipc.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ByteProcessor;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcContentLength;
import io.sipcgateway.sipc.SipcHeader;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStartLine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes SIP-C requests and responses, in either direction, from a TCP byte stream into {@link SipcRequest},
 * {@link SipcResponse} or, for malformed input, one {@link InvalidSipcFrame} after which all further input is
 * discarded. Any number of messages per read and any split point are handled; CR/LF bytes between messages are
 * skipped (PF2 inserts them, section 1.2); a bare LF ends a line as well as CRLF.
 *
 * <table border="1">
 * <caption>Limits ({@link SipcDecoderConfig})</caption>
 * <tr><th>limit</th><th>default</th><th>over it</th></tr>
 * <tr><td>maxStartLineLength</td><td>1024</td><td>{@link SipcDecodeError#START_LINE_TOO_LONG}</td></tr>
 * <tr><td>maxHeaderLineLength</td><td>8192</td><td>{@link SipcDecodeError#HEADER_LINE_TOO_LONG}</td></tr>
 * <tr><td>maxHeaderCount</td><td>64</td><td>{@link SipcDecodeError#TOO_MANY_HEADERS}</td></tr>
 * <tr><td>maxBodyLength</td><td>1 MiB</td><td>{@link SipcDecodeError#BODY_TOO_LONG}</td></tr>
 * </table>
 * The too-long errors are {@link TooLongSipcFrameException}s, the rest {@link SipcDecoderException}s; every one
 * carries the byte offset of the failure from the first byte this decoder read. Memory per connection is bounded
 * by the longest line plus {@code maxBodyLength}. Not {@code @Sharable}: it holds the connection's parse state.
 */
public final class SipcDecoder extends ByteToMessageDecoder {

    private enum State {
        SKIP_LEADING_CRLF,
        READ_START_LINE,
        READ_HEADERS,
        READ_BODY,
        DISCARD
    }

    private final SipcDecoderConfig config;
    private final LineScanner scanner = new LineScanner();
    /** Whether the line {@link #findLineEnd} found last holds bytes over 0x7F (decoded as UTF-8 then). */
    private boolean lineNonAscii;

    private State state = State.SKIP_LEADING_CRLF;
    /** Absolute offset of {@code in.readerIndex()} in the connection's input. */
    private long position;

    private SipcStartLine startLine;
    private SipcHeaders.Builder headers;
    private SipcContentLength contentLength;
    private long contentLengthOffset;
    private byte[] body;
    private int bodyRead;

    public SipcDecoder() {
        this(SipcDecoderConfig.DEFAULT);
    }

    public SipcDecoder(SipcDecoderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            decodeMessages(in, out);
        } catch (SipcDecoderException | TooLongSipcFrameException e) {
            fail(in, out, e);
        }
    }

    private void decodeMessages(ByteBuf in, List<Object> out) {
        while (true) {
            switch (state) {
                case SKIP_LEADING_CRLF: {
                    int first = in.forEachByte(ByteProcessor.FIND_NON_CRLF);
                    if (first < 0) {
                        advance(in, in.writerIndex());
                        return;
                    }
                    advance(in, first);
                    state = State.READ_START_LINE;
                }
                // fall through
                case READ_START_LINE: {
                    long lineOffset = position;
                    String line = readLine(in, config.maxStartLineLength(), SipcDecodeError.START_LINE_TOO_LONG);
                    if (line == null) {
                        return;
                    }
                    startLine = StartLineParser.parse(line, lineOffset, lineNonAscii);
                    headers = SipcHeaders.builder();
                    contentLength = null;
                    state = State.READ_HEADERS;
                }
                // fall through
                case READ_HEADERS: {
                    if (!readHeaders(in)) {
                        return;
                    }
                    long length = contentLength == null ? 0 : contentLength.length();
                    if (length == 0) {
                        emit(out, SipcBody.EMPTY);
                        break;
                    }
                    body = new byte[(int) length]; // bounded by maxBodyLength, checked when L was read
                    bodyRead = 0;
                    state = State.READ_BODY;
                }
                // fall through
                case READ_BODY: {
                    int chunk = Math.min(in.readableBytes(), body.length - bodyRead);
                    in.readBytes(body, bodyRead, chunk);
                    position += chunk;
                    bodyRead += chunk;
                    if (bodyRead < body.length) {
                        return;
                    }
                    emit(out, SipcBody.wrap(body));
                    body = null;
                    break;
                }
                case DISCARD:
                    advance(in, in.writerIndex());
                    return;
                default:
                    throw new IllegalStateException("unknown state " + state);
            }
        }
    }

    /** Reads header lines up to the empty line; false if more input is needed. */
    private boolean readHeaders(ByteBuf in) {
        while (true) {
            long lineOffset = position;
            int start = in.readerIndex();
            int end = findLineEnd(in, config.maxHeaderLineLength(), SipcDecodeError.HEADER_LINE_TOO_LONG);
            if (end < 0) {
                return false;
            }
            int contentEnd = end > start && in.getByte(end - 1) == '\r' ? end - 1 : end;
            if (contentEnd == start) {
                advance(in, end + 1);
                return true;
            }
            if (headers.size() == config.maxHeaderCount()) {
                throw error(SipcDecodeError.TOO_MANY_HEADERS, lineOffset,
                        "more than " + config.maxHeaderCount() + " headers");
            }
            SipcHeader header = HeaderParser.parse(in, start, contentEnd, lineOffset, lineNonAscii);
            if (header.name() == SipcHeaderName.CONTENT_LENGTH) {
                checkContentLength(header.value(), lineOffset);
            }
            headers.addParsed(header); // the scanner rejected control bytes; HeaderParser trimmed
            advance(in, end + 1);
        }
    }

    private void checkContentLength(String value, long lineOffset) {
        SipcContentLength parsed = SipcContentLength.tryParse(value).orElseThrow(() ->
                error(SipcDecodeError.BAD_CONTENT_LENGTH, lineOffset, "L is not <digits>[;p=<digits>]: '" + value
                        + "'"));
        if (contentLength != null && !contentLength.equals(parsed)) {
            throw error(SipcDecodeError.CONFLICTING_CONTENT_LENGTH, lineOffset,
                    "L: " + parsed + " after L: " + contentLength);
        }
        if (parsed.length() > config.maxBodyLength()) {
            throw error(SipcDecodeError.BODY_TOO_LONG, lineOffset,
                    "L: " + parsed.length() + " exceeds maxBodyLength " + config.maxBodyLength());
        }
        contentLength = parsed;
        contentLengthOffset = lineOffset;
    }

    /** The line's content (CRLF or LF stripped) as ISO-8859-1 text, one char per byte; null if incomplete. */
    private String readLine(ByteBuf in, int maxLength, SipcDecodeError tooLong) {
        int start = in.readerIndex();
        int end = findLineEnd(in, maxLength, tooLong);
        if (end < 0) {
            return null;
        }
        int contentEnd = end > start && in.getByte(end - 1) == '\r' ? end - 1 : end;
        String line = in.toString(start, contentEnd - start, StandardCharsets.ISO_8859_1);
        advance(in, end + 1);
        return line;
    }

    /**
     * Finds the LF ending the line at the reader index, scanning only bytes not scanned before and never more than
     * {@code maxLength} + CRLF; returns its index, or -1 if more input is needed. Control bytes fail here.
     */
    private int findLineEnd(ByteBuf in, int maxLength, SipcDecodeError tooLong) {
        int start = in.readerIndex();
        int budget = maxLength + 2; // content + CR + LF
        int limit = Math.min(in.readableBytes(), budget);
        int from = start + scanner.scanned;
        int stop = limit > scanner.scanned ? in.forEachByte(from, limit - scanner.scanned, scanner) : -1;
        if (stop < 0) {
            scanner.scanned = limit;
            if (limit == budget) {
                throw error(tooLong, position, "line longer than " + maxLength + " bytes");
            }
            return -1;
        }
        if (scanner.badIndex != LineScanner.BAD_NONE) {
            int bad = scanner.badIndex == LineScanner.BAD_BEFORE_STOP ? stop - 1 : stop;
            throw error(SipcDecodeError.CONTROL_CHARACTER, position + (bad - start),
                    String.format("control byte 0x%02x", in.getByte(bad) & 0xff));
        }
        int contentLength = stop - start - (stop > start && in.getByte(stop - 1) == '\r' ? 1 : 0);
        if (contentLength > maxLength) {
            throw error(tooLong, position, "line longer than " + maxLength + " bytes");
        }
        lineNonAscii = scanner.nonAscii;
        scanner.reset();
        return stop;
    }

    private void emit(List<Object> out, SipcBody messageBody) {
        if (startLine instanceof SipcStartLine.RequestLine line) {
            out.add(new SipcRequest(line, headers.build(), messageBody));
        } else {
            out.add(new SipcResponse((SipcStartLine.StatusLine) startLine, headers.build(), messageBody));
        }
        startLine = null;
        headers = null;
        contentLength = null;
        state = State.SKIP_LEADING_CRLF;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        if (state == State.READ_START_LINE || state == State.READ_HEADERS || state == State.READ_BODY) {
            long end = position + in.readableBytes();
            String where = switch (state) {
                case READ_START_LINE -> "in the start line";
                case READ_HEADERS -> "in the headers";
                default -> "in the body: " + bodyRead + " of " + body.length + " bytes (L at byte "
                        + contentLengthOffset + ")";
            };
            fail(in, out, error(SipcDecodeError.TRUNCATED, end, "input ended " + where));
        }
    }

    private void fail(ByteBuf in, List<Object> out, RuntimeException cause) {
        SipcHeaders soFar = headers == null ? SipcHeaders.EMPTY : headers.build();
        out.add(new InvalidSipcFrame(Optional.ofNullable(startLine), soFar,
                (DecoderException) cause));
        state = State.DISCARD;
        startLine = null;
        headers = null;
        body = null;
        scanner.reset();
        advance(in, in.writerIndex());
    }

    private void advance(ByteBuf in, int newReaderIndex) {
        position += newReaderIndex - in.readerIndex();
        in.readerIndex(newReaderIndex);
    }

    static RuntimeException error(SipcDecodeError error, long offset, String detail) {
        return SipcFrameException.of(error, offset, detail);
    }

    /**
     * Stops at LF or at a control byte, remembering what it saw across partial reads of one line: a CR is allowed
     * only right before the LF; bytes over 0x7F only mark the line for UTF-8 decoding.
     */
    private static final class LineScanner implements ByteProcessor {
        static final int BAD_NONE = -1;
        static final int BAD_AT_STOP = 0;
        static final int BAD_BEFORE_STOP = 1;

        int scanned;
        int badIndex = BAD_NONE;
        boolean nonAscii;
        private boolean previousCr;

        @Override
        public boolean process(byte b) {
            if (previousCr && b != '\n') {
                badIndex = BAD_BEFORE_STOP;
                return false;
            }
            if (b == '\n') {
                return false;
            }
            if (b < 0) {
                nonAscii = true;
                return true;
            }
            previousCr = b == '\r';
            if (b < 0x20 && b != '\t' && b != '\r' || b == 0x7f) {
                badIndex = BAD_AT_STOP;
                return false;
            }
            return true;
        }

        void reset() {
            scanned = 0;
            badIndex = BAD_NONE;
            nonAscii = false;
            previousCr = false;
        }
    }
}
