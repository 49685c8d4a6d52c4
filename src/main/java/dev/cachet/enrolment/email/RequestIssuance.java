package dev.cachet.enrolment.email;

import dev.cachet.ca.IssuanceLinks;
import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.RequestStatus;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues approved requests through the issuance cycle of {@link LeafIssuer} (record before sign).
 * An instance first moves the request from APPROVED to ISSUING in the store: of two racing
 * confirmations, or of two instances, only the one whose compare-and-set wins issues.
 */
public final class RequestIssuance {
    private static final Logger LOG = LoggerFactory.getLogger(RequestIssuance.class);
    private static final int SWEEP_LIMIT = 50;
    private final RequestContext context;
    private final LeafIssuer issuer;
    private final ProfileCatalog profiles;

    /**
     * Creates the issuance step.
     *
     * @param context the shared parts
     * @param issuer signs certificates
     * @param profiles the profiles requests name
     */
    public RequestIssuance(RequestContext context, LeafIssuer issuer, ProfileCatalog profiles) {
        this.context = Objects.requireNonNull(context, "context");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    /**
     * Issues a request if it is approved and this call claims it.
     *
     * @param requestId the request
     * @return the request as it stands afterwards, or empty when it does not exist
     */
    public Optional<CertificateRequest> issueIfApproved(String requestId) {
        if (context.requests().transition(requestId, RequestStatus.APPROVED, RequestStatus.ISSUING,
                context.clock().instant(), null, null)) {
            issueClaimed(context.requests().find(requestId).orElseThrow());
        }
        return context.requests().find(requestId);
    }

    /**
     * Issues every approved request, such as those an operator approved from the command line.
     *
     * @return how many this call issued or failed
     */
    public int sweep() {
        int done = 0;
        for (CertificateRequest request : context.requests().list(Optional.of(RequestStatus.APPROVED), SWEEP_LIMIT)) {
            if (context.requests().transition(request.id(), RequestStatus.APPROVED, RequestStatus.ISSUING,
                    context.clock().instant(), null, null)) {
                issueClaimed(request);
                done++;
            }
        }
        return done;
    }

    private void issueClaimed(CertificateRequest request) {
        IssuedCertificate issued;
        try {
            CheckedCsr csr = CheckedCsr.parse(request.csrPem(), profiles.require(request.profile()));
            issued = issuer.issue(new IssuanceRequest(csr.csr().publicKey(), csr.csr().names(),
                    csr.csr().commonName(), csr.profile(), OptionalInt.empty()), "request:" + request.id(),
                    IssuanceLinks.onReserved(serial -> attach(request.id(), serial)));
        } catch (CachetException e) {
            if (e.type() == ErrorType.UNAVAILABLE) {
                // The database or the CA key is away for now: the sweep tries again later.
                context.requests().transition(request.id(), RequestStatus.ISSUING, RequestStatus.APPROVED,
                        context.clock().instant(), null, null);
                throw e;
            }
            fail(request, e.getMessage());
            return;
        }
        String serial = issued.serial().toString(16);
        if (!context.requests().recordIssued(request.id(), issued.serial(), context.clock().instant())) {
            // Only this instance holds ISSUING; a lost update means the row changed under us, which must not be.
            LOG.error("request {}: certificate {} issued but the request was no longer ISSUING", request.id(), serial);
        }
        context.audit("request:" + request.id(), "request.issued", request.id(), Map.of("serial", serial));
        String statusUrl = context.settings().statusUrl(request.id());
        context.notifyRequester(request, MailTexts.issuedSubject(request),
                MailTexts.issuedBody(request, serial, statusUrl));
    }

    /** Links the reserved serial before signing; refuses when recovery moved the request meanwhile. */
    private void attach(String requestId, BigInteger serial) {
        if (!context.requests().attachSerial(requestId, serial)) {
            throw new CachetException(ErrorType.UNAVAILABLE, "request " + requestId + " stopped issuing before its"
                    + " certificate was signed (recovered); it is issued again from the approved state");
        }
    }

    private void fail(CertificateRequest request, String reason) {
        context.requests().transition(request.id(), RequestStatus.ISSUING, RequestStatus.FAILED,
                context.clock().instant(), null, reason);
        context.audit("system", "request.failed", request.id(), Map.of("reason", reason));
        context.notifyRequester(request, MailTexts.refusedSubject(request, "not issued"),
                MailTexts.refusedBody(request, "not issued", reason, context.settings().statusUrl(request.id())));
    }
}
