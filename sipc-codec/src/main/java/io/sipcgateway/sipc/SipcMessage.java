package io.sipcgateway.sipc;

import java.util.Optional;

/** A SIP-C request or response. Both peers send both kinds on one connection (section 1.1). */
public sealed interface SipcMessage permits SipcRequest, SipcResponse {

    SipcStartLine startLine();

    SipcVersion version();

    SipcHeaders headers();

    SipcBody body();

    /** The first value of a header. */
    default Optional<String> header(SipcHeaderName name) {
        return headers().first(name);
    }

    /** {@code I}, the dialog's decimal call-id (negative for server-originated dialogs). */
    default Optional<String> callId() {
        return header(SipcHeaderName.CALL_ID);
    }

    /** {@code Q}, parsed; empty if missing or malformed. */
    default Optional<SipcCSeq> cseq() {
        return header(SipcHeaderName.CSEQ).flatMap(SipcCSeq::tryParse);
    }

    /** The message as it goes on the wire: canonical compact names, CRLF, {@code L} computed from the body. */
    default byte[] toBytes() {
        return SipcWire.toBytes(this);
    }
}
