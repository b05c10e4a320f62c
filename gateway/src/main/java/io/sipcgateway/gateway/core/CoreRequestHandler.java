package io.sipcgateway.gateway.core;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/** Handles a request the core sends to the gateway (NOTIFY, MESSAGE, OPTIONS...), answering through the transaction. */
@FunctionalInterface
public interface CoreRequestHandler {

    /**
     * Called on a jain-sip thread; must not block. The handler owns {@code transaction} and must answer it, at once
     * or later (a MESSAGE waits for the legacy client's 200).
     */
    void onRequest(Request request, ServerTransaction transaction);
}
