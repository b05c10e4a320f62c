/**
 * A scriptable legacy Fetion client: SIP-C/2.0 and SIP-C/4.0 login, keep-alive, presence, subscription, messages
 * and logout over one TCP connection, sending the shapes real clients sent (reference samples), for end-to-end
 * tests of the gateway's legacy front and for the {@code client} command.
 */
package io.sipcgateway.gateway.client;
