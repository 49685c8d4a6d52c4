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
import dev.cachet.server.rest.RestApi;
import io.javalin.config.RoutesConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The services of one Cachet instance, wired once, and the routes each listener serves. */
final class Services {
    private final LeafIssuer leafIssuer;
    private final RestApi rest;
    private final Metrics metrics;
    private final CaCertificateRoutes caRoutes;
    private final RevocationRoutes revocationRoutes;

    private Services(LeafIssuer leafIssuer, RestApi rest, Metrics metrics, CaCertificateRoutes caRoutes,
            RevocationRoutes revocationRoutes) {
        this.leafIssuer = leafIssuer;
        this.rest = rest;
        this.metrics = metrics;
        this.caRoutes = caRoutes;
        this.revocationRoutes = revocationRoutes;
    }

    static Services create(CachetConfig config, Issuer issuer, Storage storage, Clock clock, HostPort http) {
        Metrics metrics = new Metrics();
        String baseUrl = config.baseUrl() != null ? config.baseUrl() : "http://" + http.authority();
        LeafIssuer leafIssuer = new LeafIssuer(issuer, new MeteredJournal(new StoreJournal(storage.certificates(),
                storage.audit(), clock), metrics), new SecureRandom(), clock, IssuerUrls.under(baseUrl));
        CachetConfig.Revocation timing = config.revocation();
        CrlService crls = new CrlService(storage.certificates(), storage.crls(), clock, crlSettings(timing));
        OcspResponder ocsp = new OcspResponder(List.of(issuer), storage.certificates(), clock, ocspSettings(timing));
        RevocationService revocation = new RevocationService(storage.certificates(), storage.audit(), crls, ocsp,
                List.of(issuer), clock);
        ProfileCatalog profiles = ProfileCatalogs.from(config.profiles());
        EnrolmentService enrolment = new EnrolmentService(leafIssuer, profiles, config.ca().defaultProfile(),
                storage.certificates(), revocation);
        TokenService tokens = new TokenService(storage.tokens(), storage.audit(), new SecureRandom(), clock);
        return new Services(leafIssuer, new RestApi(enrolment, tokens, storage.audit(), clock), metrics,
                new CaCertificateRoutes(issuer.chain().get(issuer.chain().size() - 1), issuer.certificate()),
                new RevocationRoutes(issuer, crls, ocsp, metrics, new Health(storage)));
    }

    LeafIssuer leafIssuer() {
        return leafIssuer;
    }

    /** HTTPS serves everything. */
    void httpsRoutes(RoutesConfig routes) {
        metrics.register(routes, "https");
        rest.register(routes);
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
                defaults.reloadInterval(), defaults.maxSaveAttempts());
    }

    private static OcspSettings ocspSettings(CachetConfig.Revocation timing) {
        OcspSettings defaults = OcspSettings.defaults();
        return new OcspSettings(Duration.ofHours(timing.ocspValidityHours()),
                Duration.ofSeconds(timing.ocspStatusMaxAgeSeconds()), defaults.cacheSize(), defaults.maxRequestBytes(),
                defaults.maxCertIds());
    }
}
