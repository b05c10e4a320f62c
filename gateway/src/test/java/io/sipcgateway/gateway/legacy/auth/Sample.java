package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reference sample from the fixture corpus (by its original name, e.g. {@code 02-register-v4-401-challenge}):
 * start line, headers in order, body; read without the codec.
 */
record Sample(String name, byte[] bytes, String startLine, List<String[]> headers, String body) {

    static Sample load(String name) {
        byte[] bytes = Fixtures.wellFormedSipc().filter(c -> c.sample().equals(name + ".txt")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture for sample " + name)).bytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()});
        }
        return new Sample(name, bytes, lines[0], headers, text.substring(end + 4));
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
