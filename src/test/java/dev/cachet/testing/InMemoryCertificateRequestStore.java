package dev.cachet.testing;

import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.CertificateRequestStore;
import dev.cachet.store.requests.DomainStatus;
import dev.cachet.store.requests.DomainValidation;
import dev.cachet.store.requests.MailOutbox;
import dev.cachet.store.requests.OutboxMail;
import dev.cachet.store.requests.RequestStatus;
import dev.cachet.store.requests.ValidatedDomain;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link CertificateRequestStore} in memory, for tests: synchronized, so its compare-and-sets are atomic. */
public final class InMemoryCertificateRequestStore implements CertificateRequestStore {
    private final Map<String, CertificateRequest> requests = new LinkedHashMap<>();
    private final Map<String, TreeMap<String, DomainValidation>> domains = new LinkedHashMap<>();
    private final List<ValidatedDomain> validated = new ArrayList<>();
    private final MailOutbox outbox;

    /**
     * Creates the store.
     *
     * @param outbox where {@link #create} queues the mails
     */
    public InMemoryCertificateRequestStore(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public synchronized void create(CertificateRequest request, List<DomainValidation> list, List<OutboxMail> mails) {
        requests.put(request.id(), request);
        TreeMap<String, DomainValidation> byDomain = new TreeMap<>();
        list.forEach(d -> byDomain.put(d.domain(), d));
        domains.put(request.id(), byDomain);
        mails.forEach(outbox::enqueue);
    }

    @Override
    public synchronized Optional<CertificateRequest> find(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    @Override
    public synchronized List<DomainValidation> domains(String requestId) {
        return List.copyOf(domains.getOrDefault(requestId, new TreeMap<>()).values());
    }

    @Override
    public synchronized List<CertificateRequest> list(Optional<RequestStatus> status, int limit) {
        return requests.values().stream().filter(r -> status.isEmpty() || r.status() == status.get())
                .sorted(Comparator.comparing(CertificateRequest::createdAt)).limit(limit).toList();
    }

    @Override
    public synchronized boolean transition(String id, RequestStatus from, RequestStatus to, Instant at,
            String decidedBy, String reason) {
        CertificateRequest r = requests.get(id);
        if (r == null || r.status() != from) {
            return false;
        }
        requests.put(id, new CertificateRequest(id, to, r.csrPem(), r.profile(), r.names(), r.requester(), r.contact(),
                r.keyFingerprint(), r.createdAt(), at, decidedBy == null ? r.decidedBy() : Optional.of(decidedBy),
                reason == null ? r.reason() : Optional.of(reason), r.certificateSerial()));
        return true;
    }

    @Override
    public synchronized boolean attachSerial(String id, BigInteger serial) {
        CertificateRequest r = requests.get(id);
        if (r == null || r.status() != RequestStatus.ISSUING) {
            return false;
        }
        requests.put(id, new CertificateRequest(id, r.status(), r.csrPem(), r.profile(), r.names(), r.requester(),
                r.contact(), r.keyFingerprint(), r.createdAt(), r.statusChangedAt(), r.decidedBy(), r.reason(),
                Optional.of(serial)));
        return true;
    }

    @Override
    public synchronized boolean recordIssued(String id, BigInteger serial, Instant at) {
        CertificateRequest r = requests.get(id);
        if (r == null || r.status() != RequestStatus.ISSUING) {
            return false;
        }
        requests.put(id, new CertificateRequest(id, RequestStatus.ISSUED, r.csrPem(), r.profile(), r.names(),
                r.requester(), r.contact(), r.keyFingerprint(), r.createdAt(), at, r.decidedBy(), r.reason(),
                Optional.of(serial)));
        return true;
    }

    @Override
    public synchronized boolean transitionDomain(String requestId, String domain, DomainStatus from,
            DomainStatus to, Instant at) {
        DomainValidation d = domains.getOrDefault(requestId, new TreeMap<>()).get(domain);
        if (d == null || d.status() != from) {
            return false;
        }
        domains.get(requestId).put(domain, new DomainValidation(requestId, domain, d.address(), to, d.method(),
                d.valueSha256(), d.formKey(), d.expiresAt(), d.attempts(),
                to == DomainStatus.VALIDATED ? Optional.of(at) : d.validatedAt()));
        return true;
    }

    @Override
    public synchronized int countFailedAttempt(String requestId, String domain) {
        DomainValidation d = domains.get(requestId).get(domain);
        domains.get(requestId).put(domain, new DomainValidation(requestId, domain, d.address(), d.status(),
                d.method(), d.valueSha256(), d.formKey(), d.expiresAt(), d.attempts() + 1, d.validatedAt()));
        return d.attempts() + 1;
    }

    @Override
    public synchronized void recordValidated(ValidatedDomain v) {
        validated.add(v);
    }

    @Override
    public synchronized Optional<ValidatedDomain> latestValidation(String domain, Instant since) {
        return validated.stream().filter(v -> v.domain().equals(domain) && !v.validatedAt().isBefore(since))
                .max(Comparator.comparing(ValidatedDomain::validatedAt));
    }
}
