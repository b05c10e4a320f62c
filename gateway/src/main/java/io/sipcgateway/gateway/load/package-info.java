/**
 * The load tool: many legacy clients on one shared event loop, signed in at a ramp, exchanging messages open-loop
 * at a target rate, with latency percentiles and errors by status.
 */
package io.sipcgateway.gateway.load;
