package io.sipcgateway.gateway.cli;

import io.sipcgateway.sipc.SipcVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells SIP-C from SIP by the first line ({@code SIP-C/} in it, or a one-to-three letter method, is SIP-C;
 * {@code SIP/2.0} is SIP) and frames SIP text by {@code Content-Length}. SIP-C framing is the decoder's.
 */
final class InputSplitter {
    /** Which side a text is from. */
    enum Side { SIPC, SIP }

    /** One SIP message's bytes and where it starts in the input. */
    record Framed(byte[] bytes, int offset) {
    }

    private InputSplitter() {
    }

    /** The side of {@code bytes}, judged by the first non-empty line; empty if neither. */
    static Optional<Side> detect(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && (bytes[start] == '\r' || bytes[start] == '\n')) {
            start++;
        }
        int end = start;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n' && end - start < 300) {
            end++;
        }
        String line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        String[] tokens = line.split(" ");
        if (line.startsWith("SIP/2.0 ") || tokens.length == 3 && tokens[2].equals("SIP/2.0")) {
            return Optional.of(Side.SIP);
        }
        if (SipcVersion.looksLikeVersion(line) || tokens.length == 3 && SipcVersion.looksLikeVersion(tokens[2])) {
            return Optional.of(Side.SIPC);
        }
        boolean shortMethod = tokens.length == 3 && tokens[0].length() <= 3 && tokens[0].chars().allMatch(
                c -> c >= 'A' && c <= 'Z');
        return shortMethod ? Optional.of(Side.SIPC) : Optional.empty();
    }

    /** SIP messages one after the other, each framed by its {@code Content-Length} (0 if absent). */
    static List<Framed> frameSip(byte[] bytes) {
        List<Framed> out = new ArrayList<>();
        int at = skipLineEnds(bytes, 0);
        while (at < bytes.length) {
            int end = indexOfBlankLine(bytes, at);
            if (end < 0) {
                out.add(new Framed(slice(bytes, at, bytes.length), at));
                return out;
            }
            int length = 0;
            for (String line : new String(bytes, at, end - at, StandardCharsets.UTF_8).split("\r?\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                    try {
                        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
                    } catch (NumberFormatException e) {
                        length = 0; // the parser reports the bad header with its offset
                    }
                }
            }
            int next = Math.min(bytes.length, end + blankLineLength(bytes, end) + length);
            out.add(new Framed(slice(bytes, at, next), at));
            at = skipLineEnds(bytes, next);
        }
        return out;
    }

    private static int skipLineEnds(byte[] bytes, int at) {
        while (at < bytes.length && (bytes[at] == '\r' || bytes[at] == '\n')) {
            at++;
        }
        return at;
    }

    private static int indexOfBlankLine(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i;
            }
            if (bytes[i] == '\n' && bytes[i + 1] == '\r' && i + 2 < bytes.length && bytes[i + 2] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int blankLineLength(byte[] bytes, int at) {
        return bytes[at + 1] == '\r' ? 3 : 2;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }
}
