package dev.cachet.enrolment.email;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.DomainValidation;
import dev.cachet.store.requests.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's side: read and list requests, approve one (the certificate is issued at once when
 * an issuer is at hand, otherwise by the next sweep of a running server) or reject it.
 */
public final class RequestDecisions {
    /** The most requests one listing returns. */
    public static final int MAX_LIST = 1000;
    private final RequestContext context;
    private final RequestIssuance issuance;

    /**
     * Creates the step.
     *
     * @param context the shared parts
     * @param issuance issues approved requests, or null where no CA key is at hand (the command line)
     */
    public RequestDecisions(RequestContext context, RequestIssuance issuance) {
        this.context = Objects.requireNonNull(context, "context");
        this.issuance = issuance;
    }

    /**
     * Reads a request.
     *
     * @param requestId the request
     * @return the request
     */
    public CertificateRequest get(String requestId) {
        return context.requests().find(requestId).orElseThrow(() -> new CachetException(ErrorType.NOT_FOUND,
                "no certificate request " + requestId));
    }

    /**
     * The status URL of a request.
     *
     * @param requestId the request
     * @return the URL
     */
    public String statusUrl(String requestId) {
        return context.settings().statusUrl(requestId);
    }

    /**
     * The domain validations of a request.
     *
     * @param requestId the request
     * @return its validations
     */
    public List<DomainValidation> domains(String requestId) {
        return context.requests().domains(requestId);
    }

    /**
     * Lists requests.
     *
     * @param status only these, or empty for all
     * @return at most {@value #MAX_LIST} requests, oldest first
     */
    public List<CertificateRequest> list(Optional<RequestStatus> status) {
        return context.requests().list(status, MAX_LIST);
    }

    /**
     * Approves a pending request.
     *
     * @param requestId the request
     * @param actor who approves, for the audit log
     * @return the request as it stands afterwards
     */
    public CertificateRequest approve(String requestId, String actor) {
        CertificateRequest request = get(requestId);
        if (!context.requests().transition(requestId, RequestStatus.PENDING_VALIDATION, RequestStatus.APPROVED,
                context.clock().instant(), actor, null)) {
            throw notPending(request);
        }
        context.audit(actor, "request.approved", requestId, Map.of("by", "operator"));
        return issuance == null ? get(requestId) : issuance.issueIfApproved(requestId).orElseThrow();
    }

    /**
     * Rejects a request that is not issued yet.
     *
     * @param requestId the request
     * @param actor who rejects, for the audit log
     * @param reason why, or null
     * @return the request as it stands afterwards
     */
    public CertificateRequest reject(String requestId, String actor, String reason) {
        CertificateRequest request = get(requestId);
        String why = reason == null || reason.isBlank() ? "rejected by an operator" : reason.strip();
        Instant now = context.clock().instant();
        boolean moved = context.requests().transition(requestId, RequestStatus.PENDING_VALIDATION,
                RequestStatus.REJECTED, now, actor, why)
                || context.requests().transition(requestId, RequestStatus.APPROVED, RequestStatus.REJECTED, now, actor,
                        why);
        if (!moved) {
            throw notPending(request);
        }
        context.audit(actor, "request.rejected", requestId, Map.of("reason", why));
        context.notifyRequester(request, MailTexts.refusedSubject(request, "rejected"),
                MailTexts.refusedBody(request, "rejected", why, context.settings().statusUrl(requestId)));
        return get(requestId);
    }

    private CachetException notPending(CertificateRequest request) {
        return new CachetException(ErrorType.ALREADY_EXISTS, "request " + request.id() + " is "
                + get(request.id()).status().id() + ", not pending-validation");
    }
}
