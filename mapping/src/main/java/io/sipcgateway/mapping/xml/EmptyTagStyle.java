package io.sipcgateway.mapping.xml;

/**
 * How an element without content is closed. Both are the same XML; the SIP-C writers copy the peer's habit
 * byte for byte so that captures and golden files compare as text.
 */
public enum EmptyTagStyle {
    /** {@code <basic value="100"/>}: libxml2 and the SIP-C/4.0 server (samples 10, 12). */
    COMPACT,
    /** {@code <basic value="400" />}: the .NET writer of the official SIP-C/2.0 client and server (samples 51, 53). */
    SPACED
}
