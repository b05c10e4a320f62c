package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One sample message from {@code samples/}: start line, headers in order, body; read without the codec. */
record Sample(String name, byte[] bytes, String startLine, List<String[]> headers, String body) {

    static Sample load(String name) {
        String path = "samples/" + name + ".sipc";
        try (InputStream in = Sample.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()});
            }
            return new Sample(name, bytes, lines[0], headers, text.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst();
    }

    List<String> headerNames() {
        return headers.stream().map(h -> h[0]).toList();
    }

    /** The sample as a request (it must be one). */
    SipcRequest request() {
        String[] parts = startLine.split(" ");
        SipcHeaders.Builder builder = SipcHeaders.builder();
        for (String[] header : headers) {
            if (!header[0].equals("L")) {
                builder.add(header[0], header[1]);
            }
        }
        return new SipcRequest(SipcMethod.of(parts[0]), parts[1], SipcVersion.tryParse(parts[2]).orElseThrow(),
                builder.build(), SipcBody.ofUtf8(body));
    }
}
