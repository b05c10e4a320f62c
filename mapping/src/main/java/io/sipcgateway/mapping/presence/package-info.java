/**
 * The neutral presence model ({@link io.sipcgateway.mapping.presence.Presence}) and its readers and writers: SIP-C
 * SetPresence args and BN bodies on one side, PIDF/RPID and RLMI NOTIFY bodies on the other.
 */
package io.sipcgateway.mapping.presence;
