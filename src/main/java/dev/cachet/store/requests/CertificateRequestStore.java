package dev.cachet.store.requests;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Certificate requests, their domain validations and completed validations for reuse. */
public interface CertificateRequestStore {

    /**
     * Stores a new request with its domains and queues its mails, in one transaction.
     *
     * @param request the request
     * @param domains one validation per base domain
     * @param mails the validation mails
     */
    void create(CertificateRequest request, List<DomainValidation> domains, List<OutboxMail> mails);

    /**
     * Finds a request.
     *
     * @param id its id
     * @return the request, or empty
     */
    Optional<CertificateRequest> find(String id);

    /**
     * The domain validations of a request.
     *
     * @param requestId the request
     * @return its validations, by domain
     */
    List<DomainValidation> domains(String requestId);

    /**
     * Lists requests, oldest first.
     *
     * @param status only these, or empty for all
     * @param limit how many at most
     * @return the requests
     */
    List<CertificateRequest> list(Optional<RequestStatus> status, int limit);

    /**
     * Moves a request from one status to another (compare-and-set).
     *
     * @param id the request
     * @param from the status it must have
     * @param to the new status
     * @param at when
     * @param decidedBy who decided, or null to keep the current value
     * @param reason why, or null to keep the current value
     * @return true when it moved now
     */
    boolean transition(String id, RequestStatus from, RequestStatus to, Instant at, String decidedBy, String reason);

    /**
     * Links the serial reserved for an ISSUING request, before the CA key signs, so that crash
     * recovery knows which certificate the request is waiting for.
     *
     * @param id the request
     * @param serial the reserved serial
     * @return false when the request is no longer ISSUING (recovery moved it meanwhile): nothing may be signed
     */
    boolean attachSerial(String id, BigInteger serial);

    /**
     * Moves a request from ISSUING to ISSUED with its certificate.
     *
     * @param id the request
     * @param serial the certificate's serial
     * @param at when
     * @return true when it moved now
     */
    boolean recordIssued(String id, BigInteger serial, Instant at);

    /**
     * Moves a domain validation from one status to another (compare-and-set).
     *
     * @param requestId the request
     * @param domain the base domain
     * @param from the status it must have
     * @param to the new status
     * @param at when (recorded as validatedAt when moving to VALIDATED)
     * @return true when it moved now
     */
    boolean transitionDomain(String requestId, String domain, DomainStatus from, DomainStatus to, Instant at);

    /**
     * Counts one more wrong value for a pending domain validation.
     *
     * @param requestId the request
     * @param domain the base domain
     * @return the attempts counted now
     */
    int countFailedAttempt(String requestId, String domain);

    /**
     * Records a completed validation.
     *
     * @param validated the validation
     */
    void recordValidated(ValidatedDomain validated);

    /**
     * Finds the newest completed validation of a domain.
     *
     * @param domain the base domain
     * @param since only validations at or after this
     * @return the validation, or empty
     */
    Optional<ValidatedDomain> latestValidation(String domain, Instant since);
}
