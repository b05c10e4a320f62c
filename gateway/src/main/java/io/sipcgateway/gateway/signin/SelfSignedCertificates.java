package io.sipcgateway.gateway.signin;

import io.netty.util.NetUtil;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The SSI endpoint's certificate when none is configured: RSA 2048 signed SHA256withRSA, subject and issuer
 * {@code CN=uid.fetion.com.cn} (the host libofetion connects to, section 1.3), one subjectAltName per host name or
 * IP address, valid {@link #VALIDITY} from a day before now. libofetion never checks it (section 7.3); a client
 * that does can be given this certificate to trust. Built with Bouncy Castle's public API (the JDK has none);
 * the key and the signature use the default JCA providers, so no provider is registered.
 */
final class SelfSignedCertificates {
    static final String COMMON_NAME = "uid.fetion.com.cn";
    static final int KEY_BITS = 2048;
    static final Period VALIDITY = Period.ofYears(10);

    private SelfSignedCertificates() {
    }

    /** A private key and its self-signed certificate. */
    record KeyAndCertificate(PrivateKey key, X509Certificate certificate) {
        KeyAndCertificate {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(certificate, "certificate");
        }

        @Override
        public String toString() {
            return "KeyAndCertificate[" + certificate.getSubjectX500Principal() + ", key redacted]";
        }
    }

    /**
     * A new key pair and certificate for {@code names}: host names become DNS names, IPv4 and IPv6 literals IP
     * addresses; duplicates are dropped.
     */
    static KeyAndCertificate generate(List<String> names, Instant now, SecureRandom random) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(random, "random");
        GeneralNames altNames = altNames(names);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, random);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + COMMON_NAME);
            Date notBefore = Date.from(now.minus(Duration.ofDays(1)));
            Date notAfter = Date.from(now.atOffset(ZoneOffset.UTC).plus(VALIDITY).toInstant());
            BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE); // positive, never zero (RFC 5280)
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial, notBefore, notAfter,
                    subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    // keyEncipherment: clients of 2009-2011 often negotiate TLS_RSA_* (RSA key transport)
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, altNames);
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new KeyAndCertificate(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("every Java platform can make an RSA SHA256withRSA certificate", e);
        }
    }

    private static GeneralNames altNames(List<String> names) {
        List<GeneralName> altNames = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (NetUtil.isValidIpV4Address(name) || NetUtil.isValidIpV6Address(name)) {
                altNames.add(new GeneralName(GeneralName.iPAddress, name));
            } else if (!name.isEmpty() && name.chars().allMatch(SelfSignedCertificates::isHostNameChar)) {
                altNames.add(new GeneralName(GeneralName.dNSName, name));
            } else {
                throw new IllegalArgumentException("not a host name or IP address: '" + name + "'");
            }
        }
        if (altNames.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one host name");
        }
        return new GeneralNames(altNames.toArray(new GeneralName[0]));
    }

    private static boolean isHostNameChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '*';
    }
}
