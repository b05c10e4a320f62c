package io.sipcgateway.gateway.core.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A presence document exactly as published: opaque bytes plus their content type. The core never parses PIDF
 * (the mapping module does); it only writes the minimal {@link #closed closed} document for a presentity with no
 * published state.
 */
record PresenceDocument(byte[] body, String contentType) {
    static final String PIDF = "application/pidf+xml";

    PresenceDocument {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** RFC 3863 4.1: one tuple with basic status {@code closed}, for an unknown or offline presentity. */
    static PresenceDocument closed(Aor presentity) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + escape(presentity.uri()) + "\">\n"
                + "  <tuple id=\"offline\"><status><basic>closed</basic></status></tuple>\n"
                + "</presence>\n";
        return new PresenceDocument(xml.getBytes(StandardCharsets.UTF_8), PIDF);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PresenceDocument that
                && Arrays.equals(body, that.body) && contentType.equals(that.contentType);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(body) + contentType.hashCode();
    }

    @Override
    public String toString() {
        return "PresenceDocument[" + contentType + ", " + body.length + " bytes]";
    }
}
