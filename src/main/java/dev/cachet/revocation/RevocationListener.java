package dev.cachet.revocation;

import java.math.BigInteger;

/** Told of each revocation, so that CRLs are regenerated and cached OCSP answers dropped at once. */
public interface RevocationListener {

    /**
     * A certificate was just revoked.
     *
     * @param issuerId the id of its issuer
     * @param serial its serial number
     */
    void revoked(String issuerId, BigInteger serial);
}
