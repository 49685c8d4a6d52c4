package dev.cachet.testing;

import dev.cachet.ca.CaMaterial;
import dev.cachet.ca.Hierarchy;
import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.Issuer;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.SoftwareSigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** An in-memory CA for tests: a root, an intermediate and a leaf issuer over them. */
public final class TestCa {
    private final CaMaterial material;
    private final Issuer issuer;
    private final RecordingJournal journal = new RecordingJournal();

    private TestCa(CaMaterial material) {
        this.material = material;
        this.issuer = new Issuer(material.intermediate(), new SoftwareSigningKey(
                material.intermediateKey().getPrivate(), material.intermediateKey().getPublic()),
                List.of(material.intermediate(), material.root()));
    }

    /**
     * Creates a CA with keys of the given type.
     *
     * @param keyType the CA key type
     * @param clock the time the CA is created at
     * @return the CA
     */
    public static TestCa create(KeyType keyType, Clock clock) {
        return new TestCa(new Hierarchy(new SecureRandom(), clock).create("Test Root CA", keyType));
    }

    /** @return the certificates and keys */
    public CaMaterial material() {
        return material;
    }

    /** @return the intermediate as an issuer */
    public Issuer issuer() {
        return issuer;
    }

    /** @return the journal every leaf issuer of this CA records into */
    public RecordingJournal journal() {
        return journal;
    }

    /**
     * Creates a leaf issuer over the intermediate, recording into {@link #journal()}.
     *
     * @param clock the issuance time
     * @return the leaf issuer
     */
    public LeafIssuer leafIssuer(Clock clock) {
        return new LeafIssuer(issuer, journal, new SecureRandom(), clock);
    }

    /**
     * Issues a certificate as a test requester.
     *
     * @param clock the issuance time
     * @param request what to certify
     * @return the certificate
     */
    public IssuedCertificate issue(Clock clock, IssuanceRequest request) {
        return leafIssuer(clock).issue(request, "test");
    }
}
