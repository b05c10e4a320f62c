package io.sipcgateway.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.sipc.SipcBody;

/**
 * Exact-byte test inputs: reference samples from the fixture corpus, and seed excerpts under
 * {@code src/test/resources/io/sipcgateway/mapping/seeds/} (see the README there).
 */
public final class TestInputs {
    private static final String ROOT = "/io/sipcgateway/mapping/";
    private static final Pattern LENGTH = Pattern.compile("(?m)^L: *(\\d+) *$");

    private TestInputs() {
    }

    /** The exact bytes of a resource, e.g. {@code seeds/001-cpim-pidf-open.xml}. */
    public static byte[] bytes(String path) {
        try (InputStream in = TestInputs.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test input " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String utf8(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /**
     * The body of a reference sample, read from the fixture corpus (the one copy of the samples) by the sample's
     * original file name, e.g. {@code 10-bn-v4-presencev4-online.txt}; checked against its {@code L} header.
     */
    public static SipcBody sampleBody(String fileName) {
        byte[] message = Fixtures.wellFormedSipc().filter(c -> c.sample().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture for sample " + fileName)).bytes();
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalArgumentException(fileName + " has no header/body separator");
        }
        byte[] body = Arrays.copyOfRange(message, end + 4, message.length);
        Matcher length = LENGTH.matcher(text.substring(0, end));
        if (!length.find() || Integer.parseInt(length.group(1)) != body.length) {
            throw new IllegalStateException(fileName + ": L does not match the body's " + body.length + " bytes");
        }
        return SipcBody.of(body);
    }
}
