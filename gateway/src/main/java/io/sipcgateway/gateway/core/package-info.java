/**
 * The core side: one jain-sip stack toward the RFC core, client transactions as futures with bounded waits, and a
 * listener that only dispatches.
 */
package io.sipcgateway.gateway.core;
