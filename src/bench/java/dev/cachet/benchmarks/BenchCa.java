package dev.cachet.benchmarks;

import dev.cachet.ca.CaMaterial;
import dev.cachet.ca.Hierarchy;
import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.Issuer;
import dev.cachet.ca.Profiles;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.Jca;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.SignatureAlgorithms;
import dev.cachet.crypto.SoftwareSigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** A root and intermediate made in memory for benchmarks, and the raw signature baseline of the intermediate's key. */
final class BenchCa {
    private final CaMaterial material;
    private final Issuer issuer;
    private final Signature raw;
    private final byte[] tbs = new byte[400]; // about the size of a leaf TBSCertificate

    BenchCa(KeyType keyType) {
        this.material = new Hierarchy(new SecureRandom(), Clock.systemUTC()).create("Bench Root CA", keyType);
        KeyPair key = material.intermediateKey();
        this.issuer = new Issuer(material.intermediate(), new SoftwareSigningKey(key.getPrivate(), key.getPublic()),
                List.of(material.intermediate(), material.root()));
        this.raw = signature(key, true);
        new SecureRandom().nextBytes(tbs);
    }

    static KeyType keyType(String id) {
        return KeyType.fromId(id).orElseThrow();
    }

    Issuer issuer() {
        return issuer;
    }

    CaMaterial material() {
        return material;
    }

    /** One raw signature of the CA key, with the provider and algorithm Cachet signs with. */
    byte[] rawSign() throws GeneralSecurityException {
        raw.update(tbs);
        return raw.sign();
    }

    /** A request for a subscriber's EC P-256 key and one DNS name. */
    static IssuanceRequest request(String name) {
        KeyPair subscriber = new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);
        return new IssuanceRequest(SubjectPublicKeyInfo.getInstance(subscriber.getPublic().getEncoded()),
                List.of(Identifier.dns(name)), Optional.empty(), Profiles.require(Profiles.DEFAULT), OptionalInt.empty());
    }

    /**
     * A signer of a key with the algorithm Cachet picks for it.
     *
     * @param key the key pair
     * @param bouncyCastle Cachet's provider (true) or the JDK's default (false)
     */
    static Signature signature(KeyPair key, boolean bouncyCastle) {
        try {
            String algorithm = SignatureAlgorithms.forKey(key.getPublic());
            Signature signature = bouncyCastle ? Signature.getInstance(algorithm, Jca.provider())
                    : Signature.getInstance(algorithm);
            signature.initSign(key.getPrivate());
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
