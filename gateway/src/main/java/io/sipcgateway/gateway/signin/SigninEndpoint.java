package io.sipcgateway.gateway.signin;

/** What one listener answers: {@link NavigationEndpoint} on the HTTP port, {@link SsiEndpoint} on the TLS port. */
interface SigninEndpoint {
    /** The answer to one complete request; runs on the connection's event loop, so it must not block. */
    HttpAnswer answer(SigninRequest request);

    /** The largest answer this endpoint may send in its one write. */
    int maxAnswerBytes();
}
