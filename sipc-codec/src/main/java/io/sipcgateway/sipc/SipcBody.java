package io.sipcgateway.sipc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message body: immutable bytes, copied once at the codec boundary (STYLE 5.3), so no reference-counted buffer
 * crosses into the mapping. {@code L} counts these bytes, never characters (section 1.2).
 */
public final class SipcBody {
    public static final SipcBody EMPTY = new SipcBody(new byte[0]);
    private static final int PREVIEW = 60;

    private final byte[] bytes;

    private SipcBody(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A body holding a copy of {@code bytes}. */
    public static SipcBody of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? EMPTY : new SipcBody(bytes.clone());
    }

    /** A body that takes ownership of {@code bytes}; the caller must not keep or change the array. */
    public static SipcBody wrap(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? EMPTY : new SipcBody(bytes);
    }

    public static SipcBody ofUtf8(String text) {
        return wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The number of bytes, which is what {@code L} says. */
    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A read-only view, for writing without a copy. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SipcBody other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        if (bytes.length == 0) {
            return "SipcBody[]";
        }
        String text = utf8();
        return "SipcBody[" + bytes.length + " bytes: "
                + (text.length() > PREVIEW ? text.substring(0, PREVIEW) + "..." : text) + "]";
    }
}
