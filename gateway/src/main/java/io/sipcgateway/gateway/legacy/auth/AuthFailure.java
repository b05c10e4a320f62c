package io.sipcgateway.gateway.legacy.auth;

/** Why a login response was rejected, coarse enough to choose the answer: 400, or 401 with a fresh challenge. */
public enum AuthFailure {
    /** The {@code A} header is missing or cannot be read: answer 400. */
    MALFORMED,
    /** The nonce is unknown, expired, already used, or not the one the response was computed for: challenge again. */
    STALE_NONCE,
    /** The response does not prove the password: answer 401. */
    BAD_CREDENTIALS
}
