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

    /** This response with one more header, added after the existing ones. */
    public SipcResponse with(SipcHeaderName name, String value) {
        return withHeaders(headers.toBuilder().add(name, value).build());
    }

    public SipcResponse withHeaders(SipcHeaders newHeaders) {
        return new SipcResponse(version, status, newHeaders, body);
    }

    public SipcResponse withBody(SipcBody newBody) {
        return new SipcResponse(version, status, headers, newBody);
    }

    @Override
    public String toString() {
        return SipcWire.toDebugString(this);
    }
}
