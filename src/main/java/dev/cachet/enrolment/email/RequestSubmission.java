package dev.cachet.enrolment.email;

import dev.cachet.ca.ProfileCatalog;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import dev.cachet.policy.PublicSuffixes;
import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.DomainStatus;
import dev.cachet.store.requests.DomainValidation;
import dev.cachet.store.requests.OutboxMail;
import dev.cachet.store.requests.RequestStatus;
import dev.cachet.store.requests.ValidatedDomain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a certificate request: checks the CSR, finds the base domain of each DNS name (a public
 * suffix is refused, BR 3.2.2.6), reuses recent validations of a base domain and mails a random
 * value to a constructed address at each other one (BR 3.2.2.4.4). Request, validations and mails
 * are stored in one transaction, so a mail is never lost (it waits in the outbox while SMTP is down).
 */
public final class RequestSubmission {
    private final RequestContext context;
    private final ProfileCatalog profiles;
    private final String defaultProfile;
    private final RequestIssuance issuance;

    /**
     * Creates the step.
     *
     * @param context the shared parts
     * @param profiles the profiles requests may name
     * @param defaultProfile the profile of requests that name none
     * @param issuance issues requests whose domains were all validated before
     */
    public RequestSubmission(RequestContext context, ProfileCatalog profiles, String defaultProfile,
            RequestIssuance issuance) {
        this.context = Objects.requireNonNull(context, "context");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.defaultProfile = profiles.require(defaultProfile).name();
        this.issuance = Objects.requireNonNull(issuance, "issuance");
    }

    /**
     * Takes a request.
     *
     * @param submitted what the requester sent
     * @return the stored request, pending validation (or already issued when every domain was reused)
     */
    public CertificateRequest submit(SubmittedRequest submitted) {
        CheckedCsr csr = CheckedCsr.parse(submitted.csrPem(), profiles.require(
                submitted.profile() == null ? defaultProfile : submitted.profile()));
        String contact = contact(submitted.contact());
        List<String> names = dnsNames(csr);
        Map<String, String> prefixes = prefixesByBaseDomain(submitted.prefixes(), names);
        Instant now = context.clock().instant();
        String id = context.secrets().newId();
        List<DomainValidation> domains = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String domain : new LinkedHashSet<>(prefixes.keySet())) {
            String address = ConstructedAddresses.address(prefixes.get(domain), domain,
                    context.settings().allowedPrefixes());
            Optional<ValidatedDomain> reuse = reusable(domain, now);
            String value = reuse.isPresent() ? null : context.secrets().newValue();
            values.add(value);
            domains.add(reuse.map(r -> new DomainValidation(id, domain, r.address(), DomainStatus.VALIDATED, "reused",
                    Optional.empty(), Optional.empty(), now, 0, Optional.of(r.validatedAt())))
                    .orElseGet(() -> new DomainValidation(id, domain, address, DomainStatus.PENDING, "email",
                            Optional.of(ValidationSecrets.hash(value)), Optional.of(context.secrets().newFormKey()),
                            now.plus(context.settings().valueLifetime()), 0, Optional.empty())));
        }
        boolean allReused = values.stream().allMatch(Objects::isNull);
        CertificateRequest request = new CertificateRequest(id, allReused ? RequestStatus.APPROVED
                : RequestStatus.PENDING_VALIDATION, submitted.csrPem(), csr.profile().name(), names,
                submitted.requester(), contact, csr.keyFingerprint(), now, now, Optional.empty(), Optional.empty(),
                Optional.empty());
        context.requests().create(request, domains, mails(request, domains, values));
        context.audit(submitted.requester(), "request.created", id, Map.of("names", String.join(",", names),
                "contact", contact, "profile", request.profile(), "addresses", addresses(domains)));
        return allReused ? issuance.issueIfApproved(id).orElseThrow() : request;
    }

    private List<OutboxMail> mails(CertificateRequest request, List<DomainValidation> domains, List<String> values) {
        List<OutboxMail> mails = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            DomainValidation domain = domains.get(i);
            String value = values.get(i);
            if (value != null) {
                String link = context.settings().confirmationUrl(request.id(), domain.domain(), value);
                mails.add(context.mail(domain.address(), MailTexts.validationSubject(domain.domain()),
                        MailTexts.validationBody(request, domain.domain(), value, link, domain.expiresAt())));
            }
        }
        return mails;
    }

    private Optional<ValidatedDomain> reusable(String domain, Instant now) {
        if (context.settings().domainReuse().isZero()) {
            return Optional.empty();
        }
        return context.requests().latestValidation(domain, now.minus(context.settings().domainReuse()));
    }

    private static String contact(String text) {
        if (text == null || text.isBlank()) {
            throw new CachetException(ErrorType.MALFORMED, "the request has no 'contact' (the requester's e-mail"
                    + " address, for the notice)");
        }
        return Identifiers.email(text.strip()).value();
    }

    /** The DNS names of the CSR, the common name included; e-mail validation proves control of DNS names only. */
    private static List<String> dnsNames(CheckedCsr csr) {
        Set<Identifier> all = new LinkedHashSet<>(csr.csr().names());
        csr.csr().commonName().flatMap(Identifiers::parseHost).ifPresent(all::add);
        if (all.isEmpty()) {
            throw new CachetException(ErrorType.BAD_CSR, "the CSR names no DNS name");
        }
        List<String> names = new ArrayList<>();
        for (Identifier name : all) {
            if (name.type() != Identifier.Type.DNS) {
                throw new CachetException(ErrorType.REJECTED_IDENTIFIER, name + ": e-mail validation covers DNS"
                        + " names only; ask an operator for a certificate with IP addresses or e-mail addresses");
            }
            names.add(name.value());
        }
        return names;
    }

    /**
     * Each base domain of the names, with the prefix asked for it. A wildcard name validates through
     * its base domain too: BR 3.2.2.4.4 confirms the Authorization Domain Name and every name below it.
     */
    private static Map<String, String> prefixesByBaseDomain(Map<String, String> asked, List<String> names) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String name : names) {
            String base = PublicSuffixes.baseDomain(name).orElseThrow(() -> new CachetException(
                    ErrorType.REJECTED_IDENTIFIER, name + " is a public suffix (or a bare top-level domain);"
                            + " no certificate may name it (BR 3.2.2.6)"));
            byName.put(name, base);
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        byName.values().forEach(base -> prefixes.put(base, null));
        asked.forEach((key, prefix) -> {
            String domain = key.toLowerCase(java.util.Locale.ROOT);
            String base = prefixes.containsKey(domain) ? domain : byName.get(domain);
            if (base == null) {
                throw new CachetException(ErrorType.MALFORMED, "prefixes: '" + key + "' is neither a name of the"
                        + " CSR nor one of its base domains (" + String.join(", ", prefixes.keySet()) + ")");
            }
            prefixes.put(base, prefix);
        });
        return prefixes;
    }

    private static String addresses(List<DomainValidation> domains) {
        return String.join(",", domains.stream().map(d -> d.address() + (d.method().equals("email") ? ""
                : " (" + d.method() + ")")).toList());
    }
}
