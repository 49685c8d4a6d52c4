package dev.cachet.revocation;

import dev.cachet.ca.Issuer;
import dev.cachet.ca.IssuerIds;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.policy.BlockedKeys;
import dev.cachet.store.BlockedKey;
import dev.cachet.store.BlockedKeyStore;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStore;
import java.math.BigInteger;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revoke path: marks a certificate revoked in the store (compare-and-set), records who did it
 * in the audit log, drops this instance's cached OCSP responses about it and publishes a new CRL.
 * A revocation for keyCompromise first blocks the certificate's key, so that it never gets another
 * certificate (BR 4.9.1.1); blocking is idempotent, so a retry or a second revocation is harmless.
 * Who may revoke is decided by the caller.
 */
public final class RevocationService {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationService.class);

    private final CertificateStore certificates;
    private final BlockedKeyStore blockedKeys;
    private final AuditLog audit;
    private final CrlService crls;
    private final OcspResponder ocsp;
    private final List<Issuer> issuers;
    private final Clock clock;

    /**
     * Creates the revoke path.
     *
     * @param certificates the store
     * @param blockedKeys receives the key of every certificate revoked for keyCompromise
     * @param audit records each revocation
     * @param crls regenerates the issuer's CRL after each revocation
     * @param ocsp its cache entry for the serial is invalidated
     * @param issuers the issuing CAs, to find the one whose CRL changes
     * @param clock the revocation time
     */
    public RevocationService(CertificateStore certificates, BlockedKeyStore blockedKeys, AuditLog audit,
            CrlService crls, OcspResponder ocsp, List<Issuer> issuers, Clock clock) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.blockedKeys = Objects.requireNonNull(blockedKeys, "blockedKeys");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.crls = Objects.requireNonNull(crls, "crls");
        this.ocsp = Objects.requireNonNull(ocsp, "ocsp");
        this.issuers = List.copyOf(issuers);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Revokes a certificate now.
     *
     * @param serial the serial
     * @param reason the reason; cACompromise is refused for subscriber certificates (BR 7.2.2)
     * @param actor who asks, for the audit log
     * @return the revoked record
     */
    public CertificateRecord revoke(BigInteger serial, RevocationReason reason, String actor) {
        if (reason == RevocationReason.CA_COMPROMISE) {
            throw new CachetException(ErrorType.POLICY, "reason cACompromise is for CA certificates only (BR 7.2.2)");
        }
        CertificateRecord record = certificates.find(serial).orElseThrow(() -> new CachetException(
                ErrorType.NOT_FOUND, "no certificate with serial " + serial.toString(16)));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (reason == RevocationReason.KEY_COMPROMISE) {
            blockKey(record, actor, now);
        }
        if (!certificates.revoke(serial, reason, now)) {
            throw new CachetException(ErrorType.ALREADY_REVOKED, "certificate " + serial.toString(16)
                    + " was revoked already");
        }
        audit.record(new AuditEvent(now, actor, "certificate.revoked", serial.toString(16),
                Map.of("reason", reason.rfcName())));
        ocsp.invalidate(serial);
        issuerOf(record).ifPresent(this::regenerate);
        return certificates.find(serial).orElseThrow();
    }

    /** A reserved serial was never signed: its key was never certified, so there is nothing to block. */
    private void blockKey(CertificateRecord record, String actor, Instant now) {
        if (record.certificate().isEmpty()) {
            return;
        }
        String hash = BlockedKeys.spkiSha256(Certificate.getInstance(record.certificate().get())
                .getSubjectPublicKeyInfo());
        if (blockedKeys.add(new BlockedKey(hash, "keyCompromise revocation of serial " + record.serial().toString(16)
                + " by " + actor, now))) {
            audit.record(new AuditEvent(now, actor, "key.blocked", hash, Map.of("serial",
                    record.serial().toString(16))));
        }
    }

    private Optional<Issuer> issuerOf(CertificateRecord record) {
        return issuers.stream().filter(i -> IssuerIds.of(i.certificate()).equals(record.issuerId())).findFirst();
    }

    /** The revocation stands even if the CRL cannot be stored now; the refresh interval catches up. */
    private void regenerate(Issuer issuer) {
        try {
            crls.regenerate(issuer);
        } catch (RuntimeException e) {
            LOG.warn("CRL not regenerated after a revocation; the next refresh will include it: {}",
                    e.getMessage(), e);
        }
    }
}
