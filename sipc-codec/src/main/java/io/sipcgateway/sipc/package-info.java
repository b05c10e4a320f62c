/**
 * The SIP-C message model: immutable requests, responses, typed method and header names, shared by the codec and
 * the mapping. Nothing here depends on Netty.
 */
package io.sipcgateway.sipc;
