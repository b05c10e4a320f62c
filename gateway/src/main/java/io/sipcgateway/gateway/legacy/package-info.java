/** The legacy side: the SIP-C listener, its Netty pipeline, and one session per client connection. */
package io.sipcgateway.gateway.legacy;
