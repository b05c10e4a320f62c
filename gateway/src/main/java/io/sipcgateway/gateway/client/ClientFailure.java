package io.sipcgateway.gateway.client;

import io.sipcgateway.sipc.SipcResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a client operation did not succeed: a value, never an exception (STYLE 5.9).
 *
 * @param kind what went wrong
 * @param message one line for a human, naming the status and what it means
 * @param response the gateway's final answer, for {@link Kind#REJECTED}
 */
public record ClientFailure(Kind kind, String message, Optional<SipcResponse> response) {
    public ClientFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(response, "response");
    }

    /** The classes of failure; the {@code client} command maps them to exit codes. */
    public enum Kind {
        /** The TCP connection could not be made. */
        CONNECT,
        /** No final answer within the answer timeout. */
        TIMEOUT,
        /** The connection was closed (by the gateway, or locally) before the answer came. */
        CLOSED,
        /** The gateway answered with a status that is not a success. */
        REJECTED,
        /** The gateway's answer or the caller's input cannot be used (no challenge in a 401, a bad sid). */
        INVALID
    }

    static ClientFailure of(Kind kind, String message) {
        return new ClientFailure(kind, message, Optional.empty());
    }

    static ClientFailure rejected(SipcResponse response, String message) {
        return new ClientFailure(Kind.REJECTED, message, Optional.of(response));
    }

    /** The status code of the gateway's answer, or 0 when there was none. */
    public int code() {
        return response.map(SipcResponse::code).orElse(0);
    }
}
