package io.sipcgateway.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.config.HostAndPort;
import io.sipcgateway.gateway.legacy.LoginGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the SSI endpoint's key comes from, and which TLS versions it speaks (section 7.3). */
class SigninTlsTest {
    @TempDir
    Path dir;

    private static Set<String> enabledProtocols(SigninTls tls) throws Exception {
        return Set.of(tls.newServerContext("127.0.0.1").newEngine(ByteBufAllocator.DEFAULT).getEnabledProtocols());
    }

    @Test
    void defaultEnablesOnlyTls12AndTls13() throws Exception {
        assertEquals(Set.of("TLSv1.2", "TLSv1.3"), enabledProtocols(SigninTls.selfSigned()));
    }

    @Test
    void legacyProtocolsAddTls10Tls11AndTheSslv2Hello() throws Exception {
        SigninTls legacy = SigninTls.selfSigned().withProtocols(SigninTls.LEGACY_PROTOCOLS);

        assertEquals(Set.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv2Hello"), enabledProtocols(legacy));
    }

    @Test
    void refusesSslv3UnknownNamesAndNoTlsAtAll() {
        SigninTls tls = SigninTls.selfSigned();

        assertThrows(IllegalArgumentException.class, () -> tls.withProtocols(List.of("TLSv1.2", "SSLv3")));
        assertThrows(IllegalArgumentException.class, () -> tls.withProtocols(List.of("TLS1.2")));
        assertThrows(IllegalArgumentException.class, () -> tls.withProtocols(List.of("SSLv2Hello")));
        assertThrows(IllegalArgumentException.class, () -> tls.withProtocols(List.of()));
    }

    @Test
    void defaultNegotiatesTls13AndTls12AndTheCertificateNamesTheAdvertisedHost() throws Exception {
        try (SigninFixture fixture = SigninFixture.start(SigninTls.selfSigned(), "gw.example.test")) {
            for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
                try (SSLSocket socket = handshake(fixture.https(), protocol)) {
                    assertEquals(protocol, socket.getSession().getProtocol());
                    X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                    assertEquals("CN=uid.fetion.com.cn", peer.getSubjectX500Principal().getName());
                    assertTrue(peer.getSubjectAlternativeNames().contains(List.of(2, "gw.example.test")));
                }
            }
        }
    }

    @Test
    void servesTheFirstKeyOfAConfiguredPkcs12Store() throws Exception {
        SelfSignedCertificates.KeyAndCertificate own = generate();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("gateway", own.key(), "secret".toCharArray(), new Certificate[] {own.certificate()});
        Path file = dir.resolve("signin.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "secret".toCharArray());
        }

        assertServes(SigninTls.pkcs12(file, "secret"), own.certificate());
    }

    @Test
    void servesConfiguredPemFilesWithAPkcs8Key() throws Exception {
        SelfSignedCertificates.KeyAndCertificate own = generate();
        Path certificate = writePem("cert.pem", own.certificate());
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(own.key().getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);

        assertServes(SigninTls.pem(certificate, key), own.certificate());
    }

    @Test
    void servesConfiguredPemFilesWithAPkcs1Key() throws Exception {
        SelfSignedCertificates.KeyAndCertificate own = generate();

        assertServes(SigninTls.pem(writePem("cert.pem", own.certificate()), writePem("rsa-key.pem", own.key())),
                own.certificate());
        assertTrue(Files.readString(dir.resolve("rsa-key.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    }

    @Test
    void missingKeyStoreFailsTheStart() {
        SigninTls tls = SigninTls.pkcs12(dir.resolve("absent.p12"), "secret");

        assertThrows(NoSuchFileException.class, () -> SigninFixture.start(tls));
    }

    @Test
    void wildcardAdvertisedAddressIsRefused() {
        HostAndPort any = new HostAndPort("127.0.0.1", 0);

        assertThrows(IllegalArgumentException.class, () -> SigninServer.start(any, any,
                new HostAndPort("0.0.0.0", 0), AccountDirectory.demo(), LoginGuard.withDefaults(),
                SigninTls.selfSigned()));
    }

    @Test
    void portInUseFailsTheStartWithAnIoException() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            HostAndPort busy = new HostAndPort("127.0.0.1", taken.getLocalPort());
            HostAndPort any = new HostAndPort("127.0.0.1", 0);

            assertThrows(IOException.class, () -> SigninServer.start(any, busy, new HostAndPort("127.0.0.1",
                    taken.getLocalPort()), AccountDirectory.demo(), LoginGuard.withDefaults(), SigninTls.selfSigned()));
            assertThrows(IOException.class, () -> SigninServer.start(busy, any, new HostAndPort("127.0.0.1",
                    taken.getLocalPort()), AccountDirectory.demo(), LoginGuard.withDefaults(), SigninTls.selfSigned()));
        }
    }

    private static SelfSignedCertificates.KeyAndCertificate generate() {
        return SelfSignedCertificates.generate(List.of("configured.example.test"), Instant.now(), new SecureRandom());
    }

    private Path writePem(String name, Object object) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        }
        return file;
    }

    private static void assertServes(SigninTls tls, X509Certificate expected) throws Exception {
        try (SigninFixture fixture = SigninFixture.start(tls);
                SSLSocket socket = handshake(fixture.https(), "TLSv1.3")) {
            assertEquals(expected, socket.getSession().getPeerCertificates()[0]);
        }
    }

    private static SSLSocket handshake(HostAndPort server, String protocol) throws Exception {
        SSLSocket socket = (SSLSocket) SigninClients.trustAll().getSocketFactory()
                .createSocket(server.host(), server.port());
        socket.setSoTimeout((int) SigninClients.TIMEOUT.toMillis());
        socket.setEnabledProtocols(new String[] {protocol});
        socket.startHandshake();
        return socket;
    }
}
