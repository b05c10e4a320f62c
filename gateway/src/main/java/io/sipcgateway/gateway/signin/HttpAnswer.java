package io.sipcgateway.gateway.signin;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP answer of the sign-in endpoints, serialised by {@link #toBytes()} as a whole, so that it goes out in one
 * write: libofetion reads the SSI answer with a single {@code SSL_read(1024)} and the navigation answer to EOF
 * (section 7.3). Every answer says {@code Connection: close}; the connection is closed after it.
 *
 * @param contentType the {@code Content-Type}, empty for an answer without a body
 * @param ssic the {@code ssic} cookie to set: {@code Set-Cookie: ssic=<v>; path=/}, with the {@code ;} that
 *     libofetion and MapleFetion look for (sections 7.2, 7.3)
 */
record HttpAnswer(HttpResponseStatus status, Optional<String> contentType, Optional<String> ssic, byte[] body) {
    static final String XML = "text/xml; charset=utf-8";

    HttpAnswer {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(ssic, "ssic");
        Objects.requireNonNull(body, "body");
    }

    static HttpAnswer xml(HttpResponseStatus status, String xml) {
        return new HttpAnswer(status, Optional.of(XML), Optional.empty(), xml.getBytes(StandardCharsets.UTF_8));
    }

    static HttpAnswer empty(HttpResponseStatus status) {
        return new HttpAnswer(status, Optional.empty(), Optional.empty(), new byte[0]);
    }

    HttpAnswer withSsic(String value) {
        return new HttpAnswer(status, contentType, Optional.of(value), body);
    }

    /** Status line, headers and body, ready for one write. */
    byte[] toBytes() {
        StringBuilder head = new StringBuilder(160);
        head.append("HTTP/1.1 ").append(status.code()).append(' ').append(status.reasonPhrase()).append("\r\n");
        contentType.ifPresent(type -> head.append("Content-Type: ").append(type).append("\r\n"));
        ssic.ifPresent(value -> head.append("Set-Cookie: ssic=").append(value).append("; path=/\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    @Override
    public String toString() {
        return "HttpAnswer[" + status + ", " + body.length + " body bytes" + (ssic.isPresent() ? ", ssic" : "") + "]";
    }
}
