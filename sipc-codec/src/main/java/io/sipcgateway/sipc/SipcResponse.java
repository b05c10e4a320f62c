package io.sipcgateway.sipc;

import java.util.Objects;

/** A SIP-C response. */
public record SipcResponse(SipcVersion version, SipcStatus status, SipcHeaders headers, SipcBody body)
        implements SipcMessage {

    public SipcResponse {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    public SipcResponse(SipcStartLine.StatusLine line, SipcHeaders headers, SipcBody body) {
        this(line.version(), line.status(), headers, body);
    }

    @Override
    public SipcStartLine.StatusLine startLine() {
        return new SipcStartLine.StatusLine(version, status);
    }

    public int code() {
        return status.code();
    }

    @Override
    public String toString() {
        return SipcWire.toDebugString(this);
    }
}
