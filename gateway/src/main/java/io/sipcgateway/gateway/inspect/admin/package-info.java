/**
 * The admin HTTP listener: the live web view of translation pairs, the SSE event stream it and {@code inspect} read,
 * {@code /metrics} and {@code /health}.
 */
package io.sipcgateway.gateway.inspect.admin;
