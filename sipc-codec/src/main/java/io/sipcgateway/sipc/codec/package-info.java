/**
 * The Netty codec for SIP-C: one decoder for both directions, a stateless encoder, and the failure values the
 * decoder emits instead of throwing.
 */
package io.sipcgateway.sipc.codec;
