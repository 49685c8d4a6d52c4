package dev.cachet.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.jwk.ECKey;
import dev.cachet.ca.Profiles;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.csr.CsrBuilder;
import dev.cachet.policy.NamePolicy;
import dev.cachet.store.acme.AccountStatus;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeOrder;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.OrderStatus;
import dev.cachet.testing.InMemoryAcmeAccountStore;
import dev.cachet.testing.InMemoryAcmeOrderStore;
import dev.cachet.testing.InMemoryEabKeyStore;
import dev.cachet.testing.InMemoryRateLimitStore;
import dev.cachet.testing.MutableClock;
import dev.cachet.testing.StoredTestCa;
import dev.cachet.validation.ValidationAuthority;
import dev.cachet.validation.ValidationRecord;
import dev.cachet.validation.ValidationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * The ACME services over the in-memory stores, a test CA and a {@link MutableClock}, with a
 * validation authority whose verdict the test sets, for driving orders from creation to issuance.
 */
final class AcmeServicesFixture implements AutoCloseable {
    /** The start of the clock; with a microsecond part, as stored. */
    static final Instant START = Instant.parse("2026-03-01T10:00:00.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPairFactory KEYS = new KeyPairFactory(RANDOM);

    final StoredTestCa ca = StoredTestCa.create(START);
    final MutableClock clock = ca.clock();
    final InMemoryAcmeOrderStore orderStore = new InMemoryAcmeOrderStore(clock);
    final InMemoryAcmeAccountStore accountStore = new InMemoryAcmeAccountStore();
    final AcmeLinks links = new AcmeLinks("https://ca.test/acme");
    final ScriptedValidation validation = new ScriptedValidation();
    final OrderService orders;
    final AccountService accounts;
    final ChallengeService challenges;
    final FinalizeService finalizer;
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final Ids ids = new Ids(RANDOM);

    AcmeServicesFixture(RateLimits limits) {
        this(limits, Duration.ofMinutes(1));
    }

    AcmeServicesFixture(RateLimits limits, Duration waitForValidation) {
        AcmeSettings settings = new AcmeSettings(null, null, List.of("ca.test"), false, Duration.ofDays(30),
                Duration.ofDays(7), Duration.ofDays(30), Duration.ofHours(1), 100, "classic",
                Map.of("classic", Profiles.DEFAULT), Map.of("classic", "90 days"));
        RenewalInfo renewalInfo = new RenewalInfo(ca.certificates(), ca.issuer(), clock);
        RateLimiter limiter = new RateLimiter(new InMemoryRateLimitStore(orderStore), limits,
                new ReplacedCertificates(renewalInfo, ca.certificates(), links), clock);
        orders = new OrderService(orderStore, settings, new AcmeIdentifiers(100, true, NamePolicy.open()), ids,
                clock, limiter);
        accounts = new AccountService(accountStore, new ExternalAccountBinding(new InMemoryEabKeyStore(), false),
                settings, ids, clock, limiter);
        challenges = new ChallengeService(orderStore, validation, workers, settings, clock, waitForValidation,
                limiter);
        finalizer = new FinalizeService(orders, orderStore, ca.leafIssuer(), Profiles.builtIn(), validation, links,
                settings);
    }

    /** @return a new account, stored directly (not counted against any limit) */
    AcmeAccount account() {
        ECKey key = new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256,
                (ECPublicKey) KEYS.generate(KeyType.EC_P256).getPublic()).build();
        AcmeAccount account = new AcmeAccount(ids.id(), AccountService.thumbprint(key), key.toJSONString(),
                AccountStatus.VALID, List.of(), true, null, clock.instant());
        accountStore.create(account);
        return account;
    }

    /** Creates an order for DNS names or IP addresses (those with a ':' or only digits and dots). */
    AcmeOrder order(AcmeAccount account, String... names) {
        return replacing(account, null, names);
    }

    /** Creates an order with {@code replaces} (RFC 9773). */
    AcmeOrder replacing(AcmeAccount account, String replaces, String... names) {
        List<NewOrderRequest.IdentifierJson> identifiers = Arrays.stream(names)
                .map(n -> new NewOrderRequest.IdentifierJson(n.matches("[0-9.]+|.*:.*") ? "ip" : "dns", n)).toList();
        return orders.newOrder(account, new NewOrderRequest(identifiers, null, null, null, replaces));
    }

    /** Answers the first challenge of each pending authorization, the validation passing or failing. */
    AcmeOrder validate(AcmeAccount account, AcmeOrder order, boolean pass) {
        validation.pass = pass;
        for (AcmeAuthorization authorization : orders.authorizations(order)) {
            if (authorization.status() == AuthorizationStatus.PENDING) {
                challenges.respond(account, authorization.id(), authorization.challenges().get(0).id());
            }
        }
        return orders.find(account, order.id());
    }

    /** Finalizes with a CSR for the order's names and a new key. */
    AcmeOrder finalizeOrder(AcmeAccount account, AcmeOrder order) {
        KeyPair key = KEYS.generate(KeyType.EC_P256);
        List<Identifier> names = order.identifiers();
        try {
            byte[] csr = CsrBuilder.build(key, new X500Name("CN=" + names.get(0).value()), names).getEncoded();
            return finalizer.finalizeOrder(account, order.id(), csr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Orders, validates and finalizes; the order ends valid. */
    AcmeOrder issue(AcmeAccount account, String... names) {
        return issueReplacing(account, null, names);
    }

    /** Orders with {@code replaces}, validates and finalizes; the order ends valid. */
    AcmeOrder issueReplacing(AcmeAccount account, String replaces, String... names) {
        AcmeOrder ready = validate(account, replacing(account, replaces, names), true);
        assertThat(ready.status()).isEqualTo(OrderStatus.READY);
        AcmeOrder valid = finalizeOrder(account, ready);
        assertThat(valid.status()).isEqualTo(OrderStatus.VALID);
        return valid;
    }

    /** The RFC 9773 certificate id of an order's certificate. */
    String certId(AcmeOrder valid) {
        byte[] keyId = SubjectKeyIdentifier.fromExtensions(ca.issuer().certificate().getExtensions())
                .getKeyIdentifier();
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return base64url.encodeToString(keyId) + "." + base64url.encodeToString(valid.certificateSerial()
                .toByteArray());
    }

    /** Runs a call that a rate limit must refuse, and returns the refusal. */
    static RateLimitedException refused(ThrowingCallable call) {
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, call);
        assertThat(e).as("refused by a rate limit").isNotNull();
        assertThat(e.type()).isEqualTo(ErrorType.RATE_LIMITED);
        return e;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** A validation authority that passes or fails every challenge as told, and allows CAA. */
    static final class ScriptedValidation implements ValidationAuthority {
        volatile boolean pass = true;
        /** When set, each validation waits (at most 10 s) until it opens. */
        volatile CountDownLatch gate;
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<ValidationRecord> validate(ValidationRequest request) {
            calls.incrementAndGet();
            CountDownLatch waitFor = gate;
            try {
                if (waitFor != null && !waitFor.await(10, TimeUnit.SECONDS)) {
                    throw new CachetException(ErrorType.CONNECTION, "the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CachetException(ErrorType.CONNECTION, "interrupted");
            }
            if (!pass) {
                throw new CachetException(ErrorType.INCORRECT_RESPONSE, "scripted failure for "
                        + request.identifier());
            }
            return List.of();
        }

        @Override
        public void checkCaa(Identifier identifier, String accountUri, String validationMethod) {
            // CAA allows issuance in these tests.
        }
    }
}
