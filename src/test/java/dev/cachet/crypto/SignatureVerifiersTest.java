package dev.cachet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureVerifiersTest {
    private static final KeyPairFactory KEYS = new KeyPairFactory(new SecureRandom());

    @ParameterizedTest
    @CsvSource({"EC_P256, SHA256withECDSA", "EC_P384, SHA384withECDSA", "RSA_2048, SHA256withRSA",
        "RSA_2048, SHA256withRSAandMGF1", "ED25519, Ed25519"})
    void acceptsWhatTheKeySignedAndNothingElse(KeyType type, String algorithm) throws Exception {
        KeyPair key = KEYS.generate(type);
        PKCS10CertificationRequest request = request(key, algorithm);
        SubjectPublicKeyInfo publicKey = request.getSubjectPublicKeyInfo();

        assertThat(request.isSignatureValid(SignatureVerifiers.of(publicKey))).isTrue();
        assertThat(withSignature(request, flipped(request.getSignature())).isSignatureValid(
                SignatureVerifiers.of(publicKey))).isFalse();
        assertThat(request.isSignatureValid(SignatureVerifiers.of(
                request(KEYS.generate(type), algorithm).getSubjectPublicKeyInfo()))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"EC_P256, SHA256withECDSA", "RSA_2048, SHA256withRSA"})
    void aSignatureThatDoesNotParseDoesNotVerify(KeyType type, String algorithm) throws Exception {
        PKCS10CertificationRequest request = request(KEYS.generate(type), algorithm);

        assertThat(withSignature(request, new byte[] {0x30, 0x00}).isSignatureValid(
                SignatureVerifiers.of(request.getSubjectPublicKeyInfo()))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"EC_P256, 1.2.3.4", "EC_P256, 1.2.840.113549.1.1.11"})
    void refusesAnAlgorithmTheKeyCannotCheck(KeyType type, String oid) throws Exception {
        var verifiers = SignatureVerifiers.of(request(KEYS.generate(type), "SHA256withECDSA")
                .getSubjectPublicKeyInfo());

        assertThatThrownBy(() -> verifiers.get(new AlgorithmIdentifier(
                new org.bouncycastle.asn1.ASN1ObjectIdentifier(oid))))
                .isInstanceOf(OperatorCreationException.class).hasMessageStartingWith("cannot verify");
    }

    @org.junit.jupiter.api.Test
    void refusesAKeyItCannotRead() {
        SubjectPublicKeyInfo garbage = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4")), new byte[8]);

        assertThatThrownBy(() -> SignatureVerifiers.of(garbage)).isInstanceOf(OperatorCreationException.class)
                .hasMessageStartingWith("unreadable public key");
    }

    private static PKCS10CertificationRequest request(KeyPair key, String algorithm) throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(Jca.provider())
                .build(key.getPrivate());
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=example.org"), key.getPublic())
                .build(signer);
    }

    private static PKCS10CertificationRequest withSignature(PKCS10CertificationRequest request, byte[] signature) {
        CertificationRequest structure = request.toASN1Structure();
        return new PKCS10CertificationRequest(new CertificationRequest(structure.getCertificationRequestInfo(),
                structure.getSignatureAlgorithm(), new DERBitString(signature)));
    }

    private static byte[] flipped(byte[] signature) {
        byte[] copy = Arrays.copyOf(signature, signature.length);
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }
}
