package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.core.Identifier;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.CertificateStore;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognises an order that renews a certificate by naming it in {@code replaces} (RFC 9773 §5):
 * the certificate must be one this CA issued to the same account, sharing a name with the order.
 */
public final class ReplacedCertificates {
    private final RenewalInfo renewalInfo;
    private final CertificateStore certificates;
    private final AcmeLinks links;

    /**
     * Creates the check.
     *
     * @param renewalInfo reads certificate ids
     * @param certificates the certificate store
     * @param links the account URLs, which ACME certificates carry as their requester
     */
    public ReplacedCertificates(RenewalInfo renewalInfo, CertificateStore certificates, AcmeLinks links) {
        this.renewalInfo = renewalInfo;
        this.certificates = certificates;
        this.links = links;
    }

    /**
     * Tells whether an order renews the certificate it names.
     *
     * @param accountId the order's account
     * @param identifiers the order's identifiers
     * @param certId the order's {@code replaces}, or null
     * @return true when {@code certId} names an issued certificate of this account with a name in common
     */
    public boolean renews(String accountId, List<Identifier> identifiers, String certId) {
        if (certId == null) {
            return false;
        }
        BigInteger serial;
        try {
            serial = renewalInfo.serial(certId);
        } catch (CachetException e) {
            // A malformed or foreign id earns no exemption; judging it is not this check's job.
            return false;
        }
        CertificateRecord replaced = certificates.find(serial).orElse(null);
        if (replaced == null || replaced.status() == CertificateStatus.RESERVED
                || !replaced.requester().equals(links.account(accountId))) {
            return false;
        }
        Set<Identifier> shared = new HashSet<>(replaced.names());
        shared.retainAll(identifiers);
        return !shared.isEmpty();
    }
}
