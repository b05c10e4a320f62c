package io.sipcgateway.sipc;

import java.util.Objects;

/** A SIP-C request. */
public record SipcRequest(SipcMethod method, String target, SipcVersion version, SipcHeaders headers, SipcBody body)
        implements SipcMessage {

    public SipcRequest {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        new SipcStartLine.RequestLine(method, target, version); // validates the three parts in one place
    }

    public SipcRequest(SipcStartLine.RequestLine line, SipcHeaders headers, SipcBody body) {
        this(line.method(), line.target(), line.version(), headers, body);
    }

    @Override
    public SipcStartLine.RequestLine startLine() {
        return new SipcStartLine.RequestLine(method, target, version);
    }

    /** {@code N}: the event package, service operation or message kind, if present. */
    public java.util.Optional<String> event() {
        return header(SipcHeaderName.EVENT);
    }

    @Override
    public String toString() {
        return SipcWire.toDebugString(this);
    }
}
