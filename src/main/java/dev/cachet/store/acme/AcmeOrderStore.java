package dev.cachet.store.acme;

import dev.cachet.core.Identifier;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** ACME orders, authorizations and challenges. Transitions are compare-and-set on the status. */
public interface AcmeOrderStore {

    /**
     * Stores a new order and its new authorizations (with their challenges) in one transaction.
     * The order's authorization ids may also name existing, reused authorizations.
     *
     * @param order the order
     * @param newAuthorizations authorizations created for it
     */
    void create(AcmeOrder order, List<AcmeAuthorization> newAuthorizations);

    /**
     * Finds an order.
     *
     * @param id the id
     * @return the order, or empty
     */
    Optional<AcmeOrder> findOrder(String id);

    /**
     * Lists an account's orders by id, one page at a time (RFC 8555 §7.1.2.1).
     *
     * @param accountId the account
     * @param after only ids greater than this, or null for the first page
     * @param limit the page size
     * @return the page
     */
    List<AcmeOrder> ordersOf(String accountId, String after, int limit);

    /**
     * Finds an authorization with its challenges.
     *
     * @param id the id
     * @return the authorization, or empty
     */
    Optional<AcmeAuthorization> findAuthorization(String id);

    /**
     * Finds a valid authorization an account may reuse for a new order.
     *
     * @param accountId the account
     * @param identifier the identifier (without {@code *.})
     * @param wildcard whether the order asks for the wildcard
     * @param validAtLeastUntil the authorization must not expire before this
     * @return the authorization, or empty
     */
    Optional<AcmeAuthorization> findReusable(String accountId, Identifier identifier, boolean wildcard,
            Instant validAtLeastUntil);

    /**
     * Shows a challenge as being validated: PENDING to PROCESSING, only while its authorization is
     * pending.
     *
     * @param authorizationId the authorization
     * @param challengeId the challenge
     * @return false when the challenge or the authorization had moved on
     */
    boolean startChallenge(String authorizationId, String challengeId);

    /**
     * Records a validation outcome in one transaction: the challenge PENDING (a validation that
     * ended before it was shown as processing) or PROCESSING to VALID or INVALID, and its
     * authorization PENDING to VALID (with a new expiry) or INVALID.
     *
     * @param outcome the outcome
     * @return false when the challenge or its authorization had ended already
     */
    boolean finishChallenge(ChallengeOutcome outcome);

    /**
     * Deactivates an authorization (RFC 8555 §7.5.2): PENDING or VALID to DEACTIVATED.
     *
     * @param id the authorization
     * @return false when it was in another state
     */
    boolean deactivateAuthorization(String id);

    /**
     * Moves an order from one status to another (compare-and-set).
     *
     * @param id the order
     * @param from the expected status
     * @param to the new status
     * @return false when the order was not in {@code from}
     */
    boolean transition(String id, OrderStatus from, OrderStatus to);

    /**
     * Links a processing order to the serial just reserved for it, before the CA key signs, so
     * that recovery after a crash knows which certificate is the order's (compare-and-set: only
     * while PROCESSING and not linked yet).
     *
     * @param id the order
     * @param serial the reserved serial
     * @return false when the order is no longer processing (recovery failed it) or already linked
     */
    boolean attachCertificate(String id, BigInteger serial);

    /**
     * Marks a processing order valid with its certificate.
     *
     * @param id the order
     * @param serial the certificate's serial
     * @return false when the order was not processing
     */
    boolean complete(String id, BigInteger serial);

    /**
     * Marks an order invalid with the reason (compare-and-set on the expected status).
     *
     * @param id the order
     * @param from the expected status
     * @param error why
     * @return false when the order was not in {@code from}
     */
    boolean fail(String id, OrderStatus from, AcmeProblem error);

    /**
     * Orders left processing since before a time, for recovery after a crash.
     *
     * @param before processing since before this
     * @param limit how many at most
     * @return the orders
     */
    List<AcmeOrder> stuckProcessing(Instant before, int limit);
}
