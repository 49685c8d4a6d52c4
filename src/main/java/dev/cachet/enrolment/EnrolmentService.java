package dev.cachet.enrolment;

import dev.cachet.ca.IssuanceLinks;
import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.crypto.PemDocument;
import dev.cachet.csr.CsrParser;
import dev.cachet.csr.ParsedCsr;
import dev.cachet.policy.NamePolicy;
import dev.cachet.revocation.RevocationService;
import dev.cachet.store.ApiToken;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** The REST API's use cases, each checked against the calling token's scopes and domains. */
public final class EnrolmentService {
    private final LeafIssuer issuer;
    private final ProfileCatalog profiles;
    private final String defaultProfile;
    private final CertificateStore certificates;
    private final RevocationService revocation;
    private final NamePolicy namePolicy;

    /**
     * Creates the service.
     *
     * @param issuer signs certificates
     * @param profiles the profiles requests may name
     * @param defaultProfile the profile of requests that name none
     * @param certificates the certificate store
     * @param revocation revokes certificates
     * @param namePolicy the names this CA certifies
     */
    public EnrolmentService(LeafIssuer issuer, ProfileCatalog profiles, String defaultProfile,
            CertificateStore certificates, RevocationService revocation, NamePolicy namePolicy) {
        this.namePolicy = Objects.requireNonNull(namePolicy, "namePolicy");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.defaultProfile = profiles.require(defaultProfile).name();
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
    }

    /** @return the profile of requests that name none */
    public String defaultProfile() {
        return defaultProfile;
    }

    /**
     * Issues a certificate for a CSR whose names the token covers.
     *
     * @param token the calling token
     * @param csrPem the CSR in PEM
     * @param profileName the profile, or null for the default
     * @param days a validity other than the profile's default, or empty
     * @param links what the caller records in the issuance's transactions
     * @return the certificate and chain
     */
    public IssuedCertificate issue(ApiToken token, String csrPem, String profileName, OptionalInt days,
            IssuanceLinks links) {
        TokenService.requireScope(token, Scope.ISSUE);
        if (csrPem == null || csrPem.isBlank()) {
            throw new CachetException(ErrorType.MALFORMED, "the request has no 'csr' (a PEM CSR)");
        }
        var profile = profiles.require(profileName == null ? defaultProfile : profileName);
        ParsedCsr csr = CsrParser.parseVerified(PemDocument.parse(csrPem.getBytes(StandardCharsets.US_ASCII), "csr")
                .csr());
        List<Identifier> names = csr.requestedNames();
        TokenService.requireNames(token, names);
        namePolicy.check(names);
        return issuer.issue(new IssuanceRequest(csr.publicKey(), csr.names(), csr.commonName(), profile, days),
                "token:" + token.name(), links);
    }

    /**
     * Reads a certificate.
     *
     * @param token the calling token
     * @param serial the serial
     * @return the record
     */
    public CertificateRecord get(ApiToken token, BigInteger serial) {
        TokenService.requireScope(token, Scope.READ);
        return certificates.find(serial).orElseThrow(() -> new CachetException(ErrorType.NOT_FOUND,
                "no certificate with serial " + serial.toString(16)));
    }

    /**
     * Searches certificates.
     *
     * @param token the calling token
     * @param query the filters and page
     * @return one page
     */
    public List<CertificateRecord> search(ApiToken token, CertificateQuery query) {
        TokenService.requireScope(token, Scope.READ);
        return certificates.search(query);
    }

    /**
     * Revokes a certificate whose names the token covers.
     *
     * @param token the calling token
     * @param serial the serial
     * @param reason the reason
     * @return the record after revocation
     */
    public CertificateRecord revoke(ApiToken token, BigInteger serial, RevocationReason reason) {
        TokenService.requireScope(token, Scope.REVOKE);
        CertificateRecord record = certificates.find(serial).orElseThrow(() -> new CachetException(
                ErrorType.NOT_FOUND, "no certificate with serial " + serial.toString(16)));
        TokenService.requireNames(token, record.names());
        return revocation.revoke(serial, reason, "token:" + token.name());
    }
}
