package io.sipcgateway.gateway.signin;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The TLS of the SSI endpoint (port 443 in the wild, section 7.3): where the key and certificate come from, and
 * which protocol versions are enabled. Any certificate works for libofetion, which never verifies it; without a
 * configured one, a {@linkplain SelfSignedCertificates self-signed} certificate is generated at start.
 *
 * <p><b>Protocols.</b> {@link #DEFAULT_PROTOCOLS} is TLS 1.2 and 1.3 only, a safe default. libofetion uses the
 * OpenSSL defaults of its time ({@code SSLv23_client_method}): a build linked against OpenSSL 1.0.1 or later offers
 * TLS 1.2 and works with the default, but older builds (OpenSSL 0.9.8 / 1.0.0) stop at TLS 1.0, and 0.9.8 may send
 * its hello in the SSLv2 format. For those, {@link #LEGACY_PROTOCOLS} adds TLS 1.1, TLS 1.0 and SSLv2Hello. That
 * alone is not enough on JDK 17: {@code jdk.tls.disabledAlgorithms} in {@code java.security} disables TLS 1.0/1.1,
 * so the operator must also drop them there for the gateway's JVM (e.g. {@code -Djava.security.properties=<file>}).
 * With both, a TLS 1.0 client using {@code AES128-SHA} got the whole answer in one read: the JDK's 1/n-1 CBC record
 * split spares a connection's first application record, and the answer is the only one. SSLv3 is never accepted.
 *
 * @param protocols the enabled protocol names, in the JDK's spelling ({@code TLSv1.3}, {@code TLSv1.2}, ...)
 */
public record SigninTls(Source source, List<String> protocols) {
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    public static final List<String> LEGACY_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv2Hello");
    /** The names a generated certificate is for: the SSI and navigation hosts clients resolve, and loopback. */
    public static final List<String> DEFAULT_HOST_NAMES = List.of(SelfSignedCertificates.COMMON_NAME,
            "nav.fetion.com.cn", "localhost", "127.0.0.1");

    private static final Set<String> KNOWN_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv2Hello");

    public SigninTls {
        Objects.requireNonNull(source, "source");
        protocols = List.copyOf(protocols);
        for (String protocol : protocols) {
            if (!KNOWN_PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException("unsupported TLS protocol '" + protocol + "', expected some of "
                        + LEGACY_PROTOCOLS);
            }
        }
        if (protocols.stream().allMatch("SSLv2Hello"::equals)) {
            throw new IllegalArgumentException("no TLS protocol enabled: " + protocols);
        }
    }

    /** Where the key and certificate come from. */
    public sealed interface Source permits SelfSigned, Pkcs12, Pem {
    }

    /** Generated at start for {@code hostNames} plus the gateway's advertised host. */
    public record SelfSigned(List<String> hostNames) implements Source {
        public SelfSigned {
            hostNames = List.copyOf(hostNames);
        }
    }

    /** A PKCS#12 key store; its first key entry is used. */
    public record Pkcs12(Path file, String password) implements Source {
        public Pkcs12 {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Pkcs12[file=" + file + ", password redacted]";
        }
    }

    /** PEM files: the certificate chain (leaf first) and an unencrypted PKCS#8 or PKCS#1 private key. */
    public record Pem(Path certificateChain, Path privateKey) implements Source {
        public Pem {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /** A self-signed certificate for {@link #DEFAULT_HOST_NAMES}, generated at start; {@link #DEFAULT_PROTOCOLS}. */
    public static SigninTls selfSigned() {
        return new SigninTls(new SelfSigned(DEFAULT_HOST_NAMES), DEFAULT_PROTOCOLS);
    }

    public static SigninTls pkcs12(Path file, String password) {
        return new SigninTls(new Pkcs12(file, password), DEFAULT_PROTOCOLS);
    }

    public static SigninTls pem(Path certificateChain, Path privateKey) {
        return new SigninTls(new Pem(certificateChain, privateKey), DEFAULT_PROTOCOLS);
    }

    public SigninTls withProtocols(List<String> enabled) {
        return new SigninTls(source, enabled);
    }

    /**
     * The server context: loads the configured key, or generates one whose names also include
     * {@code advertisedHost} (what clients that verify will connect to).
     */
    SslContext newServerContext(String advertisedHost) throws IOException, GeneralSecurityException {
        SslContextBuilder builder;
        if (source instanceof SelfSigned selfSigned) {
            List<String> names = new ArrayList<>(selfSigned.hostNames());
            names.add(advertisedHost);
            SelfSignedCertificates.KeyAndCertificate generated =
                    SelfSignedCertificates.generate(names, Instant.now(), new SecureRandom());
            builder = SslContextBuilder.forServer(generated.key(), generated.certificate());
        } else if (source instanceof Pkcs12 pkcs12) {
            builder = fromPkcs12(pkcs12);
        } else {
            Pem pem = (Pem) source;
            builder = SslContextBuilder.forServer(pem.certificateChain().toFile(), pem.privateKey().toFile());
        }
        return builder.sslProvider(SslProvider.JDK).protocols(protocols).build();
    }

    private static SslContextBuilder fromPkcs12(Pkcs12 pkcs12) throws IOException, GeneralSecurityException {
        char[] password = pkcs12.password().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12.file())) {
            store.load(in, password);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                PrivateKey key = (PrivateKey) store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                List<X509Certificate> certificates = new ArrayList<>();
                for (Certificate certificate : chain) {
                    certificates.add((X509Certificate) certificate);
                }
                return SslContextBuilder.forServer(key, certificates);
            }
        }
        throw new GeneralSecurityException("no private key entry in " + pkcs12.file());
    }
}
