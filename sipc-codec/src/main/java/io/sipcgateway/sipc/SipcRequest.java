package io.sipcgateway.sipc;

import java.util.Objects;
import java.util.Optional;

/** A SIP-C request. */
public record SipcRequest(SipcMethod method, String target, SipcVersion version, SipcHeaders headers, SipcBody body)
        implements SipcMessage {

    public SipcRequest {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        new SipcStartLine.RequestLine(method, target, version); // validates the three parts in one place
    }

    /** From a parsed start line, which has validated its parts already. */
    public SipcRequest(SipcStartLine.RequestLine line, SipcHeaders headers, SipcBody body) {
        this(line.method(), line.target(), line.version(), headers, body);
    }

    @Override
    public SipcStartLine.RequestLine startLine() {
        return new SipcStartLine.RequestLine(method, target, version);
    }

    /** {@code N}: the event package, service operation or message kind, if present. */
    public Optional<String> event() {
        return header(SipcHeaderName.EVENT);
    }

    /**
     * A response to this request in its version, echoing {@code I} and {@code Q}: both sides match answers on
     * them (section 3: "match on I (+Q)"). Servers mostly omit {@code F}; add it with {@link SipcResponse#with}.
     */
    public SipcResponse reply(SipcStatus status) {
        SipcHeaders.Builder echoed = SipcHeaders.builder();
        callId().ifPresent(id -> echoed.add(SipcHeaderName.CALL_ID, id));
        header(SipcHeaderName.CSEQ).ifPresent(q -> echoed.add(SipcHeaderName.CSEQ, q));
        return new SipcResponse(version, status, echoed.build(), SipcBody.EMPTY);
    }

    public SipcRequest withHeaders(SipcHeaders newHeaders) {
        return new SipcRequest(method, target, version, newHeaders, body);
    }

    public SipcRequest withBody(SipcBody newBody) {
        return new SipcRequest(method, target, version, headers, newBody);
    }

    @Override
    public String toString() {
        return SipcWire.toDebugString(this);
    }
}
