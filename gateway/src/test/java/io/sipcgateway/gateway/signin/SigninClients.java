package io.sipcgateway.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.sipcgateway.gateway.config.HostAndPort;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * Clients for the sign-in tests: the exact bytes libofetion writes and its single 1024-byte read (section 7.2,
 * 7.3), plain sockets read to EOF, the JDK {@link HttpClient} trusting any certificate, and the SSI digests computed
 * independently of the production code.
 */
final class SigninClients {
    /** libofetion's one {@code SSL_read} of the SSI answer (section 7.3). */
    static final int LIBOFETION_READ = 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SigninClients() {
    }

    static SSLContext trustAll() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
        return context;
    }

    static HttpClient httpClient() throws GeneralSecurityException {
        return HttpClient.newBuilder().sslContext(trustAll()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();
    }

    /** libofetion 2.2.2's SSI request: no HTTP version on the request line, these four headers (section 7.2). */
    static byte[] libofetionSsiRequest(String pathAndQuery) {
        return ("GET " + pathAndQuery + "\r\n"
                + "User-Agent: IIC2.0/pc 4.3.0980\r\n"
                + "Host: uid.fetion.com.cn\r\n"
                + "Cache-Control: private\r\n"
                + "Connection: Keep-Alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** What one {@code SSL_read(1024)} after the request returned, and whether the server then closed. */
    record OneRead(byte[] bytes, boolean closedAfter) {
        Answer answer() {
            return Answer.parse(bytes);
        }
    }

    /** Writes {@code request} over TLS and reads the way libofetion does: once, at most 1024 bytes. */
    static OneRead singleTlsRead(HostAndPort server, byte[] request) throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket(server.host(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            byte[] buffer = new byte[LIBOFETION_READ];
            int n = socket.getInputStream().read(buffer, 0, LIBOFETION_READ);
            if (n < 0) {
                return new OneRead(new byte[0], true);
            }
            boolean closed = socket.getInputStream().read() < 0;
            return new OneRead(Arrays.copyOf(buffer, n), closed);
        }
    }

    /** Writes {@code request} on a plain connection and reads to EOF (a timeout fails: the server must close). */
    static byte[] plainExchange(HostAndPort server, byte[] request) throws IOException {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return socket.getInputStream().readAllBytes();
        }
    }

    /** One HTTP answer as raw bytes: status, header lines, body. */
    record Answer(int status, List<String> headers, byte[] body) {
        static Answer parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertTrue(end > 0, "no end of headers in: " + text);
            List<String> lines = List.of(text.substring(0, end).split("\r\n"));
            int status = Integer.parseInt(lines.get(0).split(" ")[1]);
            return new Answer(status, lines.subList(1, lines.size()), Arrays.copyOfRange(bytes, end + 4, bytes.length));
        }

        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).findFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Element xml() throws Exception {
            return parseXml(body);
        }
    }

    /** The JDK parser, DTDs refused. */
    static Element parseXml(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    /** Digest type 1: {@code HEX(SHA1("fetion.com.cn:" password))} (section 7.2). */
    static String digestType1(String password) throws GeneralSecurityException {
        return HexFormat.of().withUpperCase().formatHex(sha1(utf8("fetion.com.cn:" + password)));
    }

    /** Digest type 2: {@code HEX(SHA1(le32(userid) || SHA1("fetion.com.cn:" password)))} (section 7.2). */
    static String digestType2(String userId, String password) throws GeneralSecurityException {
        byte[] le32 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.parseInt(userId)).array();
        byte[] inner = sha1(utf8("fetion.com.cn:" + password));
        byte[] joined = new byte[le32.length + inner.length];
        System.arraycopy(le32, 0, joined, 0, le32.length);
        System.arraycopy(inner, 0, joined, le32.length, inner.length);
        return HexFormat.of().withUpperCase().formatHex(sha1(joined));
    }

    private static byte[] sha1(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(data);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
