/**
 * Instant-message bodies: the SIP-C {@code <Font>} fragment ⇄ plain text, and SIP-C {@code <is-composing>}
 * (typing, keep-alive, nudge) ⇄ RFC 3994 or the vendor type that carries what RFC 3994 cannot.
 */
package io.sipcgateway.mapping.im;
