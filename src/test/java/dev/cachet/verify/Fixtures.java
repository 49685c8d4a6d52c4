package dev.cachet.verify;

import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.Profiles;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.policy.Identifiers;
import dev.cachet.testing.CertificateBuilder;
import dev.cachet.testing.TestCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/** Certificates shared by the verifier tests: a CA, a twin CA with the same names, and leaves. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The time the tests verify at unless they say otherwise. */
    static final Instant LATER = NOW.plus(Duration.ofDays(1));
    static final TestCa CA = TestCa.create(KeyType.EC_P256, CLOCK);
    /** Another CA whose root and intermediate have the same names as {@link #CA}'s, with other keys. */
    static final TestCa TWIN = TestCa.create(KeyType.EC_P256, CLOCK);
    static final X509Certificate ROOT = jdk(CA.material().root());
    static final X509Certificate INTERMEDIATE = jdk(CA.material().intermediate());
    static final X509Certificate SERVER = jdk(issue(CA, "tls-server", "example.org", "www.example.org"));
    static final X509Certificate CLIENT = jdk(issue(CA, "tls-client", "client.example"));

    private Fixtures() {
    }

    /** Issues a leaf with Cachet's own issuer, as {@code cachet ca sign} would. */
    static X509CertificateHolder issue(TestCa ca, String profile, String... names) {
        return issue(ca, newKey(), profile, names);
    }

    /** Issues a leaf for a given key with Cachet's own issuer. */
    static X509CertificateHolder issue(TestCa ca, KeyPair pair, String profile, String... names) {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
        return ca.issue(CLOCK, new IssuanceRequest(key, Arrays.stream(names).map(Identifiers::parse)
                .toList(), Optional.of(names[0]), Profiles.require(profile), OptionalInt.empty())).certificate();
    }

    /** Starts a TLS server leaf signed by {@link #CA}'s intermediate, valid for 90 days from now. */
    static CertificateBuilder leafOfIntermediate(String commonName) {
        return CertificateBuilder.certificate(commonName, newKey()).tlsServer()
                .issuedBy(CA.material().intermediate(), CA.material().intermediateKey())
                .validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(90)));
    }

    /** Starts a CA certificate signed by {@link #CA}'s root. */
    static CertificateBuilder caOfRoot(String commonName, KeyPair key, int pathLength) {
        return CertificateBuilder.certificate(commonName, key).ca(pathLength)
                .issuedBy(CA.material().root(), CA.material().rootKey())
                .validity(NOW, NOW.plus(Duration.ofDays(365)));
    }

    static KeyPair newKey() {
        return new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);
    }

    static X509Certificate jdk(X509CertificateHolder certificate) {
        return JdkCertificates.convert(List.of(certificate), "test").get(0);
    }

    /** Flips a bit in the last byte of the DER, which lies in the signature value. */
    static X509Certificate tampered(X509Certificate certificate) {
        try {
            byte[] der = certificate.getEncoded();
            der[der.length - 1] ^= 0x01;
            return jdk(new X509CertificateHolder(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
