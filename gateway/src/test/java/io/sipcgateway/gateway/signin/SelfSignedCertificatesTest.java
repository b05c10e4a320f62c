package io.sipcgateway.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelfSignedCertificatesTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void generatesRsa2048ForUidFetionWithAltNamesValidForTenYears() throws Exception {
        SelfSignedCertificates.KeyAndCertificate generated = SelfSignedCertificates.generate(
                List.of("uid.fetion.com.cn", "gw.example.test", "127.0.0.1", "::1", "gw.example.test"), NOW,
                new SecureRandom());

        X509Certificate certificate = generated.certificate();
        certificate.verify(certificate.getPublicKey()); // self-signed
        assertEquals("CN=uid.fetion.com.cn", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(2048, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
        assertEquals(NOW.minus(Duration.ofDays(1)), certificate.getNotBefore().toInstant());
        assertEquals(NOW.atOffset(ZoneOffset.UTC).plusYears(10).toInstant(), certificate.getNotAfter().toInstant());
        assertEquals(Set.of(List.of(2, "uid.fetion.com.cn"), List.of(2, "gw.example.test"), List.of(7, "127.0.0.1"),
                List.of(7, "0:0:0:0:0:0:0:1")), new HashSet<>(certificate.getSubjectAlternativeNames()));
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage()); // serverAuth
        assertEquals("RSA", generated.key().getAlgorithm());
    }

    @Test
    void refusesNamesThatAreNeitherHostNamesNorAddresses() {
        SecureRandom random = new SecureRandom();

        assertThrows(IllegalArgumentException.class,
                () -> SelfSignedCertificates.generate(List.of("bad name"), NOW, random));
        assertThrows(IllegalArgumentException.class, () -> SelfSignedCertificates.generate(List.of(), NOW, random));
    }
}
