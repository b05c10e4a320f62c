/**
 * Inspection of translated traffic: every message crossing the gateway becomes a {@link TranslationEvent} pairing
 * its SIP-C and SIP forms, recorded without blocking I/O threads and fanned out to sinks (JSON Lines, HEP, pcap),
 * metrics and the live view.
 */
package io.sipcgateway.gateway.inspect;
