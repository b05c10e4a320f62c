package io.sipcgateway.mapping;

/**
 * Why a body could not be read. The message half maps these to SIP-C/SIP status codes
 * (MALFORMED and MISSING to 400, TOO_LARGE to 413, UNSUPPORTED to 415).
 */
public enum Problem {
    /** Not well-formed, not UTF-8, or a value that does not parse. */
    MALFORMED,
    /** Over a size or nesting limit ({@link io.sipcgateway.mapping.xml.SafeXml#MAX_BYTES}, {@code MAX_DEPTH}). */
    TOO_LARGE,
    /** Well-formed but of a kind we do not translate: foreign namespace, charset, presence code. */
    UNSUPPORTED,
    /** A required element, attribute or MIME part is absent. */
    MISSING
}
