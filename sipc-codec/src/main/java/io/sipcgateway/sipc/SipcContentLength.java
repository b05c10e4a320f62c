package io.sipcgateway.sipc;

import java.util.Optional;

/**
 * The value of {@code L}: a byte count, or {@code <n>;p=<offset>} for a slice of a large response (section 1.2,
 * maplefetion {@code SipcResponse.getSliceOffset()}). Slices are parsed, never produced.
 */
public record SipcContentLength(long length, long sliceOffset) {
    /** {@link #sliceOffset()} when the value has no {@code p}. */
    public static final long NO_SLICE = -1;
    private static final int MAX_DIGITS = 18;

    public boolean isSlice() {
        return sliceOffset != NO_SLICE;
    }

    /** Parses {@code n} or {@code n;p=offset} (digits only, no sign); empty for anything else. */
    public static Optional<SipcContentLength> tryParse(String value) {
        String v = value.strip();
        int semi = v.indexOf(';');
        long length = digits(semi < 0 ? v : v.substring(0, semi).strip());
        if (length < 0) {
            return Optional.empty();
        }
        if (semi < 0) {
            return Optional.of(new SipcContentLength(length, NO_SLICE));
        }
        String param = v.substring(semi + 1).strip();
        if (param.length() < 3 || (param.charAt(0) | 0x20) != 'p' || param.charAt(1) != '=') {
            return Optional.empty();
        }
        long offset = digits(param.substring(2));
        return offset < 0 ? Optional.empty() : Optional.of(new SipcContentLength(length, offset));
    }

    private static long digits(String s) {
        if (s.isEmpty() || s.length() > MAX_DIGITS) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    @Override
    public String toString() {
        return isSlice() ? length + ";p=" + sliceOffset : Long.toString(length);
    }
}
