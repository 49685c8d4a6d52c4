package dev.cachet.revocation;

import dev.cachet.ca.Issuer;
import dev.cachet.ca.IssuerIds;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.CrlStore;
import dev.cachet.store.StoredCrl;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Publishes the CRLs of issuers through the shared {@link CrlStore}, so that every instance serves
 * the same, increasing CRL numbers.
 *
 * <p>When a CRL is made: {@link #regenerate} after each revocation (the local revoke path calls it,
 * see {@link Revoker}); and {@link #current} makes one when there is none, or when the stored one is
 * older than the refresh interval or past its nextUpdate. Instances see the CRLs of other instances
 * by reading the store again after the reload interval. A revocation whose regeneration failed is
 * thus published by the next regeneration, at the latest one refresh interval later (BR 4.9.7:
 * within 24 hours).
 */
public final class CrlService {
    private final CrlStore crls;
    private final Clock clock;
    private final CrlSettings settings;
    private final CrlGenerator generator;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** A CRL this instance read or made, and when. */
    private record Loaded(StoredCrl crl, Instant at) {
    }

    /**
     * Creates the service.
     *
     * @param certificates where revocations are read from
     * @param crls where CRLs are shared with the other instances
     * @param clock the time source
     * @param settings validity and refresh intervals
     */
    public CrlService(CertificateStore certificates, CrlStore crls, Clock clock, CrlSettings settings) {
        this.crls = Objects.requireNonNull(crls, "crls");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.generator = new CrlGenerator(Objects.requireNonNull(certificates, "certificates"));
    }

    /**
     * The CRL to publish now: the latest stored one while it is fresh, else a new one.
     *
     * @param issuer the CA
     * @return the DER of the CRL; shared, not to be modified
     */
    public byte[] current(Issuer issuer) {
        String issuerId = IssuerIds.of(issuer.certificate());
        Optional<StoredCrl> remembered = remembered(issuerId);
        if (remembered.isPresent()) {
            return remembered.get().der();
        }
        synchronized (locks.computeIfAbsent(issuerId, id -> new Object())) {
            remembered = remembered(issuerId);
            if (remembered.isPresent()) {
                return remembered.get().der();
            }
            Optional<StoredCrl> latest = crls.latest(issuerId);
            if (latest.isPresent() && isFresh(latest.get())) {
                return remember(latest.get()).der();
            }
            return publish(issuer, this::isFresh).der();
        }
    }

    /**
     * Makes, stores and returns a new CRL, as after a revocation.
     *
     * @param issuer the CA
     * @return the stored CRL
     */
    public StoredCrl regenerate(Issuer issuer) {
        synchronized (locks.computeIfAbsent(IssuerIds.of(issuer.certificate()), id -> new Object())) {
            return publish(issuer, crl -> false);
        }
    }

    /**
     * Generates with the next number and stores; when another instance took the number, reloads and
     * tries again with the number after its, unless what it stored will do.
     */
    private StoredCrl publish(Issuer issuer, Predicate<StoredCrl> goodEnough) {
        String issuerId = IssuerIds.of(issuer.certificate());
        for (int attempt = 1; attempt <= settings.maxSaveAttempts(); attempt++) {
            Optional<StoredCrl> latest = crls.latest(issuerId);
            if (attempt > 1 && latest.isPresent() && goodEnough.test(latest.get())) {
                return remember(latest.get());
            }
            // RFC 5280 §5.2.3: CRL numbers increase monotonically per issuer.
            BigInteger number = latest.map(c -> c.number().add(BigInteger.ONE)).orElse(BigInteger.ONE);
            Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            // RFC 5280 §3.3: an entry stays until one regularly scheduled CRL after its expiry listed it.
            StoredCrl crl = generator.generate(issuer, number, thisUpdate, thisUpdate.plus(settings.validity()),
                    thisUpdate.minus(settings.refreshInterval()));
            if (crls.save(crl)) {
                return remember(crl);
            }
        }
        throw new CachetException(ErrorType.UNAVAILABLE, "cannot store a CRL for issuer " + issuerId + " after "
                + settings.maxSaveAttempts() + " attempts: other instances kept taking the CRL number");
    }

    /** The CRL this instance read or made, while it is fresh and was read less than the reload interval ago. */
    private Optional<StoredCrl> remembered(String issuerId) {
        Loaded memo = loaded.get(issuerId);
        Instant now = clock.instant();
        if (memo == null || now.isBefore(memo.at()) || !now.isBefore(memo.at().plus(settings.reloadInterval()))
                || !isFresh(memo.crl())) {
            return Optional.empty();
        }
        return Optional.of(memo.crl());
    }

    private boolean isFresh(StoredCrl crl) {
        Instant now = clock.instant();
        return now.isBefore(crl.thisUpdate().plus(settings.refreshInterval())) && now.isBefore(crl.nextUpdate());
    }

    private StoredCrl remember(StoredCrl crl) {
        loaded.put(crl.issuerId(), new Loaded(crl, clock.instant()));
        return crl;
    }
}
