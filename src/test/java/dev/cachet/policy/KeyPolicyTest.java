package dev.cachet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.DERNull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyPolicyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void acceptsTheKeyTypesCachetMakes(KeyType type) {
        var key = new KeyPairFactory(RANDOM).generate(type).getPublic();
        assertThat(new KeyPolicy(true).check(SubjectPublicKeyInfo.getInstance(key.getEncoded()))).isNotNull();
    }

    @Test
    void refusesRsa1024() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        var spki = SubjectPublicKeyInfo.getInstance(generator.generateKeyPair().getPublic().getEncoded());

        assertThatThrownBy(() -> new KeyPolicy(true).check(spki)).isInstanceOf(CachetException.class)
                .hasMessage("key refused (RSA 1024): RSA keys need at least 2048 bits");
    }

    @Test
    void refusesOtherCurvesAndEd25519WhenNotAllowed() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp521r1"));
        var p521 = SubjectPublicKeyInfo.getInstance(generator.generateKeyPair().getPublic().getEncoded());
        var ed25519 = SubjectPublicKeyInfo.getInstance(
                new KeyPairFactory(RANDOM).generate(KeyType.ED25519).getPublic().getEncoded());

        assertThatThrownBy(() -> new KeyPolicy(true).check(p521)).hasMessageContaining("P-256 and P-384");
        assertThatThrownBy(() -> new KeyPolicy(false).check(ed25519)).hasMessageContaining("Ed25519");
    }

    @Test
    void refusesWeakExponentsAndSmallFactors() throws Exception {
        BigInteger modulus = ((java.security.interfaces.RSAPublicKey) new KeyPairFactory(RANDOM)
                .generate(KeyType.RSA_2048).getPublic()).getModulus();
        assertThatThrownBy(() -> new KeyPolicy(true).check(rsa(modulus, BigInteger.valueOf(3))))
                .hasMessageContaining("exponent must be 65537");

        BigInteger withSmallFactor;
        do {
            withSmallFactor = BigInteger.valueOf(751).multiply(BigInteger.probablePrime(2038, RANDOM));
        } while (withSmallFactor.bitLength() != 2048);
        BigInteger modulusWithSmallFactor = withSmallFactor;
        assertThat(withSmallFactor.bitLength()).isEqualTo(2048);
        assertThatThrownBy(() -> new KeyPolicy(true).check(rsa(modulusWithSmallFactor, BigInteger.valueOf(65537))))
                .hasMessageContaining("small prime factor");
    }

    private static SubjectPublicKeyInfo rsa(BigInteger modulus, BigInteger exponent) throws Exception {
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(modulus, exponent));
    }
}
