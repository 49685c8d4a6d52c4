package dev.cachet.store.requests;

import java.util.Locale;

/** Where a certificate request stands; each move is a compare-and-set in the store. */
public enum RequestStatus {
    /** Waiting for its domains to be validated, or for an operator. */
    PENDING_VALIDATION,
    /** Every domain validated, or an operator approved: to be issued. */
    APPROVED,
    /** One instance claimed it and is issuing. */
    ISSUING,
    /** Issued; the certificate serial is recorded. */
    ISSUED,
    /** Rejected by an operator or a domain's owner. */
    REJECTED,
    /** Issuance failed; the reason is recorded. */
    FAILED;

    /** @return the name the API shows, such as {@code pending-validation} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
