package io.sipcgateway.sipc;

import java.util.Objects;

/** One header line: a typed name and its trimmed value. */
public record SipcHeader(SipcHeaderName name, String value) {
    public SipcHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name.compact() + ": " + value;
    }
}
