package io.sipcgateway.mapping.presence;

/** RFC 3863 section 4.1.4 {@code <basic>}: whether the presentity can be reached at all. */
public enum Basic {
    OPEN,
    CLOSED
}
