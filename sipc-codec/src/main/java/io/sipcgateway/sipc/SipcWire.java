package io.sipcgateway.sipc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a message looks like on the wire. The Netty encoder and {@link SipcMessage#toBytes()} both write exactly the
 * header list {@link #wireHeaders} returns, so the ordering and {@code L} rules live here once.
 */
public final class SipcWire {
    /** Single-letter headers that real clients find with {@code strstr(msg, "X: ")} (section 1.2). */
    private static final List<SipcHeaderName> STRSTR_SENSITIVE = List.of(SipcHeaderName.FROM,
            SipcHeaderName.CALL_ID, SipcHeaderName.CSEQ, SipcHeaderName.CONTENT_LENGTH, SipcHeaderName.EVENT);

    private SipcWire() {
    }

    /**
     * The headers to write, in order: {@code L} is always the body's byte count (a message's own {@code L} value is
     * never trusted, and a slice {@code ;p=} is never written), and each of {@code F}, {@code I}, {@code Q},
     * {@code L}, {@code N} is moved in front of any longer name ending in the same letter ({@code XI}, {@code AL},
     * {@code CN}). libofetion's {@code fetion_sip_get_attr()} would otherwise read {@code XI: 9f..} as the call-id;
     * the real server ordered them the same way (section 1.2, WIRE).
     */
    public static List<SipcHeader> wireHeaders(SipcHeaders headers, int bodyLength) {
        List<SipcHeader> out = new ArrayList<>(headers.size() + 1);
        boolean sawLength = false;
        for (int i = 0; i < headers.size(); i++) {
            SipcHeader header = headers.get(i);
            if (header.name() == SipcHeaderName.CONTENT_LENGTH) {
                if (!sawLength) {
                    out.add(new SipcHeader(SipcHeaderName.CONTENT_LENGTH, Integer.toString(bodyLength)));
                    sawLength = true;
                }
            } else {
                out.add(header);
            }
        }
        if (!sawLength && bodyLength > 0) {
            out.add(new SipcHeader(SipcHeaderName.CONTENT_LENGTH, Integer.toString(bodyLength)));
        }
        for (SipcHeaderName letter : STRSTR_SENSITIVE) {
            moveBeforeLongerLookalike(out, letter);
        }
        return out;
    }

    private static void moveBeforeLongerLookalike(List<SipcHeader> out, SipcHeaderName letter) {
        int at = -1;
        for (int i = 0; i < out.size() && at < 0; i++) {
            if (out.get(i).name() == letter) {
                at = i;
            }
        }
        char last = letter.compact().charAt(0);
        for (int i = 0; i < at; i++) {
            String name = out.get(i).name().compact();
            if (name.length() > 1 && name.charAt(name.length() - 1) == last) {
                out.add(i, out.remove(at));
                return;
            }
        }
    }

    public static byte[] toBytes(SipcMessage message) {
        SipcBody body = message.body();
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + body.length());
        out.writeBytes(message.startLine().toString().getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
        for (SipcHeader header : wireHeaders(message.headers(), body.length())) {
            out.writeBytes(header.name().compact().getBytes(StandardCharsets.US_ASCII));
            out.write(':');
            out.write(' ');
            out.writeBytes(header.value().getBytes(StandardCharsets.UTF_8));
            out.write('\r');
            out.write('\n');
        }
        out.write('\r');
        out.write('\n');
        out.writeBytes(body.bytes());
        return out.toByteArray();
    }

    /** The wire form as text, for logs and test failures. */
    static String toDebugString(SipcMessage message) {
        return new String(toBytes(message), StandardCharsets.UTF_8);
    }
}
