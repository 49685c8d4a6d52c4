package dev.cachet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The key weaknesses Boulder's goodkey looks for: ROCA, close primes, invalid EC points. */
class KeyWeaknessTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger F4 = BigInteger.valueOf(65537);
    private static final Map<String, BigInteger> ROCA_VECTORS = rocaVectors();

    @Test
    void refusesAModulusMadeByTheVulnerableInfineonGenerator() {
        BigInteger vulnerable = ROCA_VECTORS.get("vulnerable");
        assertThat(RocaFingerprint.matches(vulnerable)).isTrue();

        assertThatThrownBy(() -> new KeyPolicy(true).check(rsa(vulnerable)))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type()).isEqualTo(
                        ErrorType.BAD_PUBLIC_KEY))
                .hasMessage("key refused (RSA 2048): the RSA modulus has the ROCA fingerprint of a weak Infineon"
                        + " key (CVE-2017-15361)");
    }

    @Test
    void acceptsAnOrdinaryModulusOfTheSameTestDataAndFreshKeys() {
        assertThat(RocaFingerprint.matches(ROCA_VECTORS.get("ordinary"))).isFalse();
        assertThat(new KeyPolicy(true).check(rsa(ROCA_VECTORS.get("ordinary"))).describe()).isEqualTo("RSA 2048");
        for (int i = 0; i < 3; i++) {
            var key = (java.security.interfaces.RSAPublicKey) new KeyPairFactory(RANDOM).generate(KeyType.RSA_2048)
                    .getPublic();
            assertThat(RocaFingerprint.matches(key.getModulus())).isFalse();
            assertThat(RsaModulus.weakness(key.getModulus())).isEmpty();
        }
    }

    @Test
    void refusesPrimesCloseEnoughForFermat() {
        BigInteger p;
        do {
            p = BigInteger.probablePrime(1024, RANDOM);
        } while (!p.testBit(1022)); // so that p * q has 2048 bits
        BigInteger q = p.nextProbablePrime();
        BigInteger modulus = p.multiply(q);

        assertThatThrownBy(() -> new KeyPolicy(true).check(rsa(modulus)))
                .hasMessage("key refused (RSA 2048): the RSA primes are so close that Fermat's method factors"
                        + " the modulus");
    }

    @Test
    void fermatNeedsMoreRoundsWhenThePrimesAreFurtherApart() {
        BigInteger p = BigInteger.valueOf(1_000_003);
        BigInteger q = BigInteger.valueOf(1_000_000_007);

        assertThat(RsaModulus.fermatFactors(p.multiply(q), RsaModulus.FERMAT_ROUNDS)).isFalse();
        assertThat(RsaModulus.fermatFactors(p.multiply(p.nextProbablePrime()), 1)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384"})
    void refusesAnEcPointOffTheCurve(KeyType type) {
        byte[] der = new KeyPairFactory(RANDOM).generate(type).getPublic().getEncoded();
        der[der.length - 1] ^= 1; // the last octet of y: the point leaves the curve
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(der);

        assertThatThrownBy(() -> new KeyPolicy(true).check(spki))
                .hasMessageEndingWith("the EC public key is not a point of the curve");
    }

    @Test
    void refusesThePointAtInfinity() throws IOException {
        SubjectPublicKeyInfo valid = SubjectPublicKeyInfo.getInstance(
                new KeyPairFactory(RANDOM).generate(KeyType.EC_P256).getPublic().getEncoded());
        SubjectPublicKeyInfo infinity = new SubjectPublicKeyInfo(valid.getAlgorithm(), new byte[] {0});

        assertThatThrownBy(() -> new KeyPolicy(true).check(infinity)).isInstanceOf(CachetException.class)
                .hasMessageContaining("EC public key is");
    }

    private static SubjectPublicKeyInfo rsa(BigInteger modulus) {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    DERNull.INSTANCE), new RSAPublicKey(modulus, F4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, BigInteger> rocaVectors() {
        try (InputStream in = KeyWeaknessTest.class.getResourceAsStream("/keys/roca-vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split(" "))
                    .collect(Collectors.toMap(f -> f[0], f -> new BigInteger(f[1], 16)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
