package dev.cachet.store;

import java.util.Optional;

/** The CRLs each issuer published; shared by all instances so that CRL numbers only grow. */
public interface CrlStore {

    /**
     * The newest CRL of an issuer.
     *
     * @param issuerId the issuer
     * @return the CRL with the highest number, or empty when none was made yet
     */
    Optional<StoredCrl> latest(String issuerId);

    /**
     * Stores a new CRL unless another instance stored one with the same number first.
     *
     * @param crl the CRL
     * @return true when stored, false when the number was taken
     */
    boolean save(StoredCrl crl);
}
