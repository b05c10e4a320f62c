package io.sipcgateway.sipc.codec;

import io.netty.buffer.ByteBuf;
import io.sipcgateway.sipc.SipcHeader;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcSyntax;
import java.nio.charset.StandardCharsets;

/**
 * Parses one header line, {@code Name: value} (section 1.2). The value is trimmed, because the official client
 * sent {@code I: 17 } (WIRE); white space before the colon is tolerated; a line starting with white space is an
 * error, since SIP-C has no folding and such a line means the stream is out of step. Known one- and two-letter
 * names are looked up without allocating.
 */
final class HeaderParser {
    private HeaderParser() {
    }

    /**
     * @param in the buffer holding the line
     * @param start index of the line's first byte
     * @param end index just past its last content byte (CRLF excluded)
     * @param offset the line's absolute byte offset
     * @param nonAscii whether the line holds bytes over 0x7F (the value is then decoded as UTF-8)
     */
    static SipcHeader parse(ByteBuf in, int start, int end, long offset, boolean nonAscii) {
        byte first = in.getByte(start);
        if (first == ' ' || first == '\t') {
            throw error(offset, "header line starts with white space (folding is not SIP-C)");
        }
        int colon = in.indexOf(start, end, (byte) ':');
        if (colon < 0) {
            throw error(offset, "header line has no colon");
        }
        int nameEnd = colon;
        while (nameEnd > start && isSpace(in.getByte(nameEnd - 1))) {
            nameEnd--;
        }
        SipcHeaderName name = name(in, start, nameEnd, offset);
        int valueStart = colon + 1;
        int valueEnd = end;
        while (valueStart < valueEnd && isSpace(in.getByte(valueStart))) {
            valueStart++;
        }
        while (valueEnd > valueStart && isSpace(in.getByte(valueEnd - 1))) {
            valueEnd--;
        }
        String value = in.toString(valueStart, valueEnd - valueStart,
                nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return new SipcHeader(name, value);
    }

    private static SipcHeaderName name(ByteBuf in, int start, int end, long offset) {
        int length = end - start;
        if (length == 0) {
            throw error(offset, "empty header name");
        }
        if (length <= 2) {
            SipcHeaderName known = SipcHeaderName.forLetters(in.getByte(start), length == 2 ? in.getByte(start + 1)
                    : 0);
            if (known != null) {
                return known;
            }
        }
        for (int i = start; i < end; i++) {
            if (!SipcSyntax.isTokenChar(in.getByte(i))) {
                throw error(offset, String.format("invalid byte 0x%02x in header name", in.getByte(i) & 0xff));
            }
        }
        return SipcHeaderName.of(in.toString(start, length, StandardCharsets.US_ASCII));
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static RuntimeException error(long offset, String detail) {
        return SipcFrameException.of(SipcDecodeError.BAD_HEADER, offset, detail);
    }
}
