package dev.cachet.server;

import dev.cachet.acme.AccountService;
import dev.cachet.acme.AcmeCertificates;
import dev.cachet.acme.AcmeIdentifiers;
import dev.cachet.acme.AcmeLinks;
import dev.cachet.acme.AcmeSettings;
import dev.cachet.acme.ChallengeService;
import dev.cachet.acme.ExternalAccountBinding;
import dev.cachet.acme.FinalizeService;
import dev.cachet.acme.Ids;
import dev.cachet.acme.NonceService;
import dev.cachet.acme.OrderService;
import dev.cachet.acme.RateLimiter;
import dev.cachet.acme.RateLimits;
import dev.cachet.acme.RenewalInfo;
import dev.cachet.acme.ReplacedCertificates;
import dev.cachet.acme.jws.JwsAuthenticator;
import dev.cachet.ca.Issuer;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profile;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.revocation.RevocationService;
import dev.cachet.server.acme.AcmeRoutes;
import dev.cachet.server.acme.ClientAddresses;
import dev.cachet.store.jdbc.Database;
import dev.cachet.store.jdbc.JdbcAcmeAccountStore;
import dev.cachet.store.jdbc.JdbcAcmeOrderStore;
import dev.cachet.store.jdbc.JdbcEabKeyStore;
import dev.cachet.store.jdbc.JdbcNonceStore;
import dev.cachet.store.jdbc.JdbcRateLimitStore;
import dev.cachet.validation.LocalValidationAuthority;
import dev.cachet.validation.ValidationAuthority;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Wires the ACME server: its stores over the shared database, the services and the routes. */
final class AcmeWiring {
    /** Validations run on at most this many threads, with a bounded queue. */
    private static final int VALIDATION_THREADS = 16;
    private static final int VALIDATION_QUEUE = 1000;
    /** A challenge response waits this long for its validation, so that quick ones answer at once. */
    private static final Duration WAIT_FOR_VALIDATION = Duration.ofSeconds(2);
    private static final Duration NONCE_LIFETIME = Duration.ofHours(1);

    private AcmeWiring() {
    }

    /**
     * The owner of the embedded database file redeems its own nonces in memory: any other instance
     * reaches the database through it and hands out nonces redeemed in the database, which the owner
     * also accepts. Instances sharing PostgreSQL all redeem in the database.
     */
    private static NonceService nonces(Database database, SecureRandom random, Clock clock) {
        JdbcNonceStore store = new JdbcNonceStore(database.dataSource());
        return database.ownsEmbeddedFile() ? NonceService.soleInstance(store, random, clock, NONCE_LIFETIME)
                : new NonceService(store, random, clock, NONCE_LIFETIME);
    }

    static AcmeRoutes routes(CachetConfig config, String publicUrl, LeafIssuer leafIssuer, ProfileCatalog profiles,
            RevocationService revocation, Storage storage, Clock clock) {
        Issuer issuer = leafIssuer.issuer();
        AcmeLinks links = new AcmeLinks(publicUrl + "/acme");
        AcmeSettings settings = settings(config.acme(), publicUrl, profiles);
        DataSource db = storage.database().dataSource();
        SecureRandom random = new SecureRandom();
        Ids ids = new Ids(random);
        var accountStore = new JdbcAcmeAccountStore(db);
        var orderStore = new JdbcAcmeOrderStore(db, clock);
        NonceService nonces = nonces(storage.database(), random, clock);
        ValidationAuthority validation = new LocalValidationAuthority(ValidationSettingsFactory.from(
                config.validation(), settings.caaIdentities()));
        RenewalInfo renewalInfo = new RenewalInfo(storage.certificates(), issuer, clock);
        RateLimiter rateLimiter = rateLimiter(config.acme().rateLimits(), db, new ReplacedCertificates(renewalInfo,
                storage.certificates(), links), clock);
        OrderService orders = new OrderService(orderStore, settings, new AcmeIdentifiers(settings.maxIdentifiers(),
                config.validation().allowPrivateTargets(), PolicyWiring.namePolicy(config.policy())), ids, clock,
                rateLimiter);
        AcmeRoutes.Services services = new AcmeRoutes.Services(settings, nonces,
                new AccountService(accountStore, new ExternalAccountBinding(new JdbcEabKeyStore(db),
                        settings.externalAccountRequired()), settings, ids, clock, rateLimiter),
                orders,
                new ChallengeService(orderStore, validation, validationPool(), settings, clock,
                        WAIT_FOR_VALIDATION, rateLimiter),
                new FinalizeService(orders, orderStore, leafIssuer, profiles, validation, links, settings),
                new AcmeCertificates(storage.certificates(), revocation, issuer, links),
                renewalInfo, new ClientAddresses(config.acme().rateLimits().trustForwardedFor()));
        return new AcmeRoutes(publicUrl, links, new JwsAuthenticator(links, nonces, accountStore), services, clock);
    }

    private static RateLimiter rateLimiter(RateLimitsConfig config, DataSource db, ReplacedCertificates replaced,
            Clock clock) {
        RateLimits limits = new RateLimits(config.newOrdersPerAccountPerHour(), config.certificatesPerDomainPerWeek(),
                config.failedValidationsPerAccountPerHostPerHour(), config.newAccountsPerIpPerHour());
        return new RateLimiter(new JdbcRateLimitStore(db), limits, replaced, clock);
    }

    private static AcmeSettings settings(AcmeConfig acme, String publicUrl, ProfileCatalog profiles) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        acme.profiles().forEach((name, certificateProfile) -> {
            Profile profile = profiles.find(certificateProfile).orElseThrow(() -> new CachetException(
                    ErrorType.MALFORMED, "acme.profiles." + name + ": unknown certificate profile '"
                            + certificateProfile + "'"));
            descriptions.put(name, profile.description());
        });
        if (!acme.profiles().containsKey(acme.defaultProfile())) {
            throw new CachetException(ErrorType.MALFORMED, "acme.defaultProfile: '" + acme.defaultProfile()
                    + "' is not one of acme.profiles");
        }
        List<String> caa = acme.caaIdentities().isEmpty() ? List.of(URI.create(publicUrl).getHost())
                : acme.caaIdentities();
        return new AcmeSettings(acme.termsOfService(), acme.website(), caa, acme.externalAccountRequired(),
                Duration.ofHours(acme.orderLifetimeHours()), Duration.ofHours(acme.pendingAuthorizationHours()),
                Duration.ofHours(acme.authorizationReuseHours()), NONCE_LIFETIME, acme.maxIdentifiers(),
                acme.defaultProfile(), acme.profiles(), descriptions);
    }

    private static ExecutorService validationPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(VALIDATION_THREADS, VALIDATION_THREADS, 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(VALIDATION_QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "cachet-validation");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
