package dev.cachet.server;

import dev.cachet.ca.Issuer;
import dev.cachet.ca.IssuerUrls;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.ca.StoreJournal;
import dev.cachet.enrolment.EnrolmentService;
import dev.cachet.enrolment.TokenService;
import dev.cachet.revocation.CrlService;
import dev.cachet.revocation.CrlSettings;
import dev.cachet.revocation.OcspResponder;
import dev.cachet.revocation.OcspSettings;
import dev.cachet.revocation.RevocationService;
import dev.cachet.server.acme.AcmeRoutes;
import dev.cachet.server.rest.RequestRoutes;
import dev.cachet.store.BlockedKeyStore;
import dev.cachet.store.jdbc.JdbcBlockedKeyStore;
import dev.cachet.server.rest.RestApi;
import dev.cachet.server.web.ValidationPage;
import io.javalin.config.RoutesConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The services of one Cachet instance, wired once, and the routes each listener serves. The
 * issuing services come second ({@link #issuing}): the URLs they write into certificates name the
 * plain HTTP listener, whose port is only known once it listens (port 0 picks a free one).
 */
final class Services {
    private final CachetConfig config;
    private final Issuer issuer;
    private final Storage storage;
    private final Clock clock;
    private final Metrics metrics;
    private final RevocationService revocation;
    private final CaCertificateRoutes caRoutes;
    private final RevocationRoutes revocationRoutes;

    /**
     * The services that issue, and the REST API over them.
     *
     * @param leafIssuer signs leaf certificates
     * @param rest the REST API
     * @param acme the ACME server
     * @param email e-mail enrolment and its background thread
     * @param requests the REST API of certificate requests validated by e-mail
     * @param validationPage the page that validation mails link to
     */
    record Issuing(LeafIssuer leafIssuer, RestApi rest, AcmeRoutes acme, EmailEnrolment email,
            RequestRoutes requests, ValidationPage validationPage) {
    }

    private Services(CachetConfig config, Issuer issuer, Storage storage, Clock clock, Metrics metrics,
            RevocationService revocation, RevocationRoutes revocationRoutes) {
        this.config = config;
        this.issuer = issuer;
        this.storage = storage;
        this.clock = clock;
        this.metrics = metrics;
        this.revocation = revocation;
        this.caRoutes = new CaCertificateRoutes(issuer.chain().get(issuer.chain().size() - 1), issuer.certificate());
        this.revocationRoutes = revocationRoutes;
    }

    static Services create(CachetConfig config, Issuer issuer, Storage storage, Clock clock) {
        Metrics metrics = new Metrics();
        CachetConfig.Revocation timing = config.revocation();
        CrlService crls = new CrlService(storage.certificates(), storage.crls(), clock, crlSettings(timing));
        OcspResponder ocsp = new OcspResponder(List.of(issuer), storage.certificates(), clock, ocspSettings(timing));
        RevocationService revocation = new RevocationService(storage.certificates(), blockedKeys(storage),
                new AuditMetrics(storage.audit(), metrics), crls, ocsp, List.of(issuer), clock);
        return new Services(config, issuer, storage, clock, metrics, revocation,
                new RevocationRoutes(issuer, crls, ocsp, metrics, new Health(storage)));
    }

    /**
     * Creates the issuing services.
     *
     * @param baseUrl the external URL of the plain HTTP listener, written into every certificate
     * @param publicUrl the external URL of the HTTPS listener, under which ACME lives
     * @return the leaf issuer, the REST API and the ACME server
     */
    Issuing issuing(String baseUrl, String publicUrl) {
        LeafIssuer leafIssuer = new LeafIssuer(issuer, new MeteredJournal(new StoreJournal(storage.certificates(),
                storage.audit(), storage.units(), clock), metrics::issued, storage.units()), new SecureRandom(), clock,
                IssuerUrls.under(baseUrl), PolicyWiring.blockedKeys(config.policy(), blockedKeys(storage)));
        ProfileCatalog profiles = ProfileCatalogs.from(config.profiles());
        EnrolmentService enrolment = new EnrolmentService(leafIssuer, profiles, config.ca().defaultProfile(),
                storage.certificates(), revocation, PolicyWiring.namePolicy(config.policy()));
        TokenService tokens = new TokenService(storage.tokens(), storage.audit(), new SecureRandom(), clock);
        EmailEnrolment email = EmailEnrolment.start(config, publicUrl, leafIssuer, profiles, storage, clock);
        return new Issuing(leafIssuer, new RestApi(enrolment, tokens, storage.audit(), storage.units(), clock),
                AcmeWiring.routes(config, publicUrl, leafIssuer, profiles, revocation, storage, clock), email,
                new RequestRoutes(email.submission(), email.decisions(), tokens, storage.audit(), clock,
                        storage.certificates(), issuer.chain()), new ValidationPage(email.confirmation()));
    }

    /** The blocked keys live in the shared database, beside the certificates. */
    private static BlockedKeyStore blockedKeys(Storage storage) {
        return new JdbcBlockedKeyStore(storage.database().dataSource());
    }

    /** HTTPS serves everything. */
    void httpsRoutes(RoutesConfig routes, Issuing issuing) {
        metrics.register(routes, "https");
        issuing.rest().register(routes);
        issuing.acme().register(routes);
        issuing.requests().register(routes);
        issuing.validationPage().register(routes);
        publicRoutes(routes);
    }

    /** Plain HTTP serves what relying parties fetch without TLS: OCSP, CRLs, CA certificates. */
    void httpRoutes(RoutesConfig routes) {
        metrics.register(routes, "http");
        publicRoutes(routes);
    }

    private void publicRoutes(RoutesConfig routes) {
        caRoutes.register(routes);
        revocationRoutes.register(routes);
    }

    private static CrlSettings crlSettings(CachetConfig.Revocation timing) {
        CrlSettings defaults = CrlSettings.defaults();
        return new CrlSettings(Duration.ofHours(timing.crlValidityHours()), Duration.ofHours(timing.crlRefreshHours()),
                Duration.ofSeconds(timing.crlReloadSeconds()), defaults.maxSaveAttempts());
    }

    private static OcspSettings ocspSettings(CachetConfig.Revocation timing) {
        OcspSettings defaults = OcspSettings.defaults();
        return new OcspSettings(Duration.ofHours(timing.ocspValidityHours()),
                Duration.ofSeconds(timing.ocspStatusMaxAgeSeconds()), defaults.cacheSize(), defaults.maxRequestBytes(),
                defaults.maxCertIds());
    }
}
