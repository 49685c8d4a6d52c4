package dev.cachet.store.acme;

import dev.cachet.core.Identifier;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order (RFC 8555 §7.1.3).
 *
 * @param id the order id
 * @param accountId the account it belongs to
 * @param status its status as last stored
 * @param identifiers the identifiers, as requested (wildcards with {@code *.})
 * @param authorizationIds its authorizations, one per identifier, in the same order
 * @param expires when it expires
 * @param notBefore the requested notBefore, or null
 * @param notAfter the requested notAfter, or null
 * @param profile the certificate profile
 * @param replaces the ARI certificate id this order replaces (RFC 9773), or null
 * @param certificateSerial the issued certificate's serial, or null
 * @param error why it failed, or null
 * @param createdAt when it was created
 */
public record AcmeOrder(String id, String accountId, OrderStatus status, List<Identifier> identifiers,
        List<String> authorizationIds, Instant expires, Instant notBefore, Instant notAfter, String profile,
        String replaces, BigInteger certificateSerial, AcmeProblem error, Instant createdAt) {

    /** Checks and copies the fields. */
    public AcmeOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(profile, "profile");
        identifiers = List.copyOf(identifiers);
        authorizationIds = List.copyOf(authorizationIds);
    }

    /**
     * This order with another status, such as ready, which is derived on read and never stored.
     *
     * @param newStatus the status
     * @return the copy
     */
    public AcmeOrder withStatus(OrderStatus newStatus) {
        return copy(newStatus, certificateSerial);
    }

    /**
     * This order valid, with its certificate.
     *
     * @param serial the certificate's serial
     * @return the copy
     */
    public AcmeOrder issued(BigInteger serial) {
        return copy(OrderStatus.VALID, serial);
    }

    private AcmeOrder copy(OrderStatus newStatus, BigInteger serial) {
        return new AcmeOrder(id, accountId, newStatus, identifiers, authorizationIds, expires, notBefore, notAfter,
                profile, replaces, serial, error, createdAt);
    }
}
