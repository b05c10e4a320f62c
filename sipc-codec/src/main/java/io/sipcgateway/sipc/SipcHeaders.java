package io.sipcgateway.sipc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered, immutable list of headers (OkHttp {@code Headers}): order is kept because real clients and servers
 * depend on it (section 1.2), names may repeat ({@code K}), and there is no mutable map to leak. Lookups take the
 * typed {@link SipcHeaderName}, so {@code L} and {@code Content-Length} are one header.
 */
public final class SipcHeaders {
    public static final SipcHeaders EMPTY = new SipcHeaders(new SipcHeader[0]);

    private final SipcHeader[] headers;

    private SipcHeaders(SipcHeader[] headers) {
        this.headers = headers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Convenience for tests and tables: alternating names (compact or long) and values. */
    public static SipcHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(SipcHeaderName.of(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** The first value of {@code name}, if any. */
    public Optional<String> first(SipcHeaderName name) {
        for (SipcHeader header : headers) {
            if (header.name().equals(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of {@code name}, in order. */
    public List<String> all(SipcHeaderName name) {
        List<String> values = null;
        for (SipcHeader header : headers) {
            if (header.name().equals(name)) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(header.value());
            }
        }
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    public boolean contains(SipcHeaderName name) {
        return first(name).isPresent();
    }

    public int size() {
        return headers.length;
    }

    public SipcHeader get(int index) {
        return headers[index];
    }

    public List<SipcHeader> asList() {
        return List.of(headers);
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.headers.addAll(Arrays.asList(headers));
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SipcHeaders other && Arrays.equals(headers, other.headers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(headers);
    }

    @Override
    public String toString() {
        return Arrays.toString(headers);
    }

    /**
     * Builds headers. Strict (OkHttp): values are trimmed and may not hold CR, LF or other control characters, so
     * our own code cannot produce a header that splits a message.
     */
    public static final class Builder {
        private final List<SipcHeader> headers = new ArrayList<>(8);

        private Builder() {
        }

        public Builder add(SipcHeaderName name, String value) {
            Objects.requireNonNull(value, "value");
            return add(new SipcHeader(name, value));
        }

        /** Adds {@code header}, trimming its value; the same checks as {@link #add(SipcHeaderName, String)}. */
        public Builder add(SipcHeader header) {
            String value = header.value();
            String trimmed = value.strip();
            int bad = SipcSyntax.indexOfControl(trimmed);
            if (bad >= 0) {
                throw new IllegalArgumentException(String.format(
                        "control character 0x%02x at index %d in the value of %s", (int) trimmed.charAt(bad), bad,
                        header.name()));
            }
            headers.add(trimmed.equals(value) ? header : new SipcHeader(header.name(), trimmed));
            return this;
        }

        /**
         * Adds a header a parser has already checked: its value is trimmed and holds no CR, LF or other control
         * character. The decoder's line scanner rejects those bytes before a value exists, so checking again
         * costs a sixth of the decode time for nothing (Netty's {@code validateHeaders = false}). Our own code
         * building headers uses {@link #add(SipcHeaderName, String)}.
         */
        public Builder addParsed(SipcHeader header) {
            headers.add(header);
            return this;
        }

        public Builder add(String name, String value) {
            return add(SipcHeaderName.of(name), value);
        }

        /** Replaces every value of {@code name} by one, at the position of the first (or at the end). */
        public Builder set(SipcHeaderName name, String value) {
            int at = -1;
            for (int i = headers.size() - 1; i >= 0; i--) {
                if (headers.get(i).name().equals(name)) {
                    headers.remove(i);
                    at = i;
                }
            }
            add(name, value);
            if (at >= 0) {
                headers.add(at, headers.remove(headers.size() - 1));
            }
            return this;
        }

        public Builder remove(SipcHeaderName name) {
            headers.removeIf(h -> h.name().equals(name));
            return this;
        }

        public int size() {
            return headers.size();
        }

        public SipcHeaders build() {
            return headers.isEmpty() ? EMPTY : new SipcHeaders(headers.toArray(new SipcHeader[0]));
        }
    }
}
