package dev.cachet.testing;

import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.Issuer;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profiles;
import dev.cachet.ca.StoreJournal;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.store.UnitOfWork;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A {@link TestCa} whose leaf certificates are recorded in an {@link InMemoryCertificateStore}
 * (through the real {@link StoreJournal}), with an {@link InMemoryCrlStore} and a
 * {@link MutableClock} beside it.
 */
public final class StoredTestCa {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair SUBSCRIBER_KEY = new KeyPairFactory(RANDOM).generate(KeyType.EC_P256);

    private final MutableClock clock;
    private final TestCa ca;
    private final InMemoryCertificateStore certificates;
    private final InMemoryCrlStore crls = new InMemoryCrlStore();
    private final LeafIssuer leafIssuer;

    private StoredTestCa(MutableClock clock, TestCa ca) {
        this.clock = clock;
        this.ca = ca;
        this.certificates = new InMemoryCertificateStore(clock);
        this.leafIssuer = new LeafIssuer(ca.issuer(), new StoreJournal(certificates, new InMemoryAuditLog(),
                UnitOfWork.EACH_ON_ITS_OWN, clock),
                RANDOM, clock);
    }

    /**
     * Creates a CA with P-256 keys.
     *
     * @param start the time the clock starts at; the CA is created then
     * @return the CA
     */
    public static StoredTestCa create(Instant start) {
        MutableClock clock = new MutableClock(start);
        return new StoredTestCa(clock, TestCa.create(KeyType.EC_P256, clock));
    }

    /**
     * Issues a 90-day server certificate, recorded in the store.
     *
     * @param dnsName its name
     * @return the certificate
     */
    public IssuedCertificate issue(String dnsName) {
        return issue(dnsName, 90);
    }

    /**
     * Issues a server certificate, recorded in the store.
     *
     * @param dnsName its name
     * @param days its validity
     * @return the certificate
     */
    public IssuedCertificate issue(String dnsName, int days) {
        return leafIssuer.issue(new IssuanceRequest(
                SubjectPublicKeyInfo.getInstance(SUBSCRIBER_KEY.getPublic().getEncoded()),
                List.of(Identifier.dns(dnsName)), Optional.empty(), Profiles.require("tls-server"),
                OptionalInt.of(days)), "test");
    }

    /** @return the clock everything here reads */
    public MutableClock clock() {
        return clock;
    }

    /** @return the CA */
    public TestCa ca() {
        return ca;
    }

    /** @return the intermediate, which signs leaves, CRLs and OCSP responses */
    public Issuer issuer() {
        return ca.issuer();
    }

    /** @return the certificate store */
    public InMemoryCertificateStore certificates() {
        return certificates;
    }

    /** @return the leaf issuer that records into {@link #certificates()} */
    public LeafIssuer leafIssuer() {
        return leafIssuer;
    }

    /** @return the CRL store */
    public InMemoryCrlStore crls() {
        return crls;
    }
}
