package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.client.RsaChallenge;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V4KeyPairTest {
    private static final V4KeyPair KEYS = TestRegistries.KEYS;

    @Test
    void keyHexIs256DigitsOfModulusThen010001LikeSample02() {
        String key = KEYS.keyHex();
        assertTrue(key.matches("[0-9A-F]{256}010001"), key);
        assertEquals(KEYS.publicKey().getModulus(), new BigInteger(key.substring(0, 256), 16));
        String sampleKey = RsaChallenge.parseLibofetion(
                Sample.load("02-register-v4-401-challenge").header("W").orElseThrow()).orElseThrow().key();
        assertTrue(sampleKey.matches("[0-9A-F]{256}010001"), sampleKey);
    }

    @Test
    void generatesFromTheInjectedRandom() {
        assertEquals(KEYS.keyHex(), V4KeyPair.generate(TestRegistries.seededRandom(42)).keyHex());
    }

    @Test
    void readsBackTheKeyItWritesAsPkcs8Pem(@TempDir Path dir) throws IOException {
        String pem = KEYS.toPkcs8Pem();
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem);
        Path file = dir.resolve("v4.pem");
        Files.writeString(file, pem);
        assertEquals(KEYS.keyHex(), V4KeyPair.readPkcs8Pem(file).keyHex());
    }

    @Test
    void signsWithSha1WithRsaVerifiableByThePublicKeyInTheChallenge() throws GeneralSecurityException {
        String nonce = "1104E253661D71141DFE3FB020143E5A";
        String key = KEYS.keyHex();
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(key.substring(0, 256), 16), new BigInteger(key.substring(256), 16)));
        Signature verifier = Signature.getInstance("SHA1withRSA");
        verifier.initVerify(publicKey);
        verifier.update(nonce.getBytes(StandardCharsets.US_ASCII));
        String signature = KEYS.signHex(nonce);
        assertTrue(signature.matches("[0-9A-F]{256}"));
        assertTrue(verifier.verify(HexFormat.of().parseHex(signature)));
    }

    @Test
    void refusesPkcs1PemSayingHowToConvert() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> V4KeyPair.parsePkcs8Pem(
                "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n"));
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e.getMessage());
    }

    @Test
    void refusesGarbageInsideThePemArmour() {
        assertThrows(IllegalArgumentException.class, () -> V4KeyPair.parsePkcs8Pem(
                "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n"));
        assertThrows(IllegalArgumentException.class, () -> V4KeyPair.parsePkcs8Pem(
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
    }

    @Test
    void refusesKeysV4ClientsCannotUse() throws GeneralSecurityException {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> V4KeyPair.parsePkcs8Pem(pem(512, RSAKeyGenParameterSpec.F4)));
        assertTrue(size.getMessage().contains("1024-bit"), size.getMessage());
        IllegalArgumentException exponent = assertThrows(IllegalArgumentException.class,
                () -> V4KeyPair.parsePkcs8Pem(pem(1024, BigInteger.valueOf(3))));
        assertTrue(exponent.getMessage().contains("65537"), exponent.getMessage());
    }

    @Test
    void neverPrintsKeyMaterial() {
        String text = KEYS.toString();
        assertFalse(text.contains(KEYS.publicKey().getModulus().toString()));
        assertTrue(text.length() < 80, text);
    }

    private static String pem(int bits, BigInteger exponent) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(bits, exponent), TestRegistries.seededRandom(bits));
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
