package dev.cachet.revocation;

import dev.cachet.ca.Issuer;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.CertificateStore;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.CertID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers OCSP requests (RFC 6960) for the issuers it serves, signing with each issuer's own key.
 * {@link #respond} never throws: every failure becomes an unsigned error status.
 *
 * <p>Speed: a single-CertID request without a nonce is answered from a per-instance cache of
 * signed responses while the store confirmed the status less than {@link OcspSettings#statusMaxAge()}
 * ago; after that the store is read again and the same signed response is kept if the status is
 * unchanged. Responses are signed anew after {@link OcspSettings#resignAfter()}. Several
 * instances share one database, so a revocation on another instance shows here within
 * statusMaxAge; a revocation on this instance calls {@link #invalidate} and shows at once.
 */
public final class OcspResponder {
    private static final Logger LOG = LoggerFactory.getLogger(OcspResponder.class);

    private final List<ServedIssuer> issuers;
    private final Clock clock;
    private final OcspSettings settings;
    private final StatusLookup statuses;
    private final OcspRequestParser parser;
    private final OcspResponseSigner signer;
    private final OcspResponseCache cache;

    /**
     * Creates a responder.
     *
     * @param issuers the CAs it answers for; each signs the responses about its certificates
     * @param certificates where statuses are read
     * @param clock the time source
     * @param settings validity, cache and limits
     */
    public OcspResponder(List<Issuer> issuers, CertificateStore certificates, Clock clock, OcspSettings settings) {
        this.issuers = issuers.stream().map(ServedIssuer::new).toList();
        if (this.issuers.isEmpty()) {
            throw new IllegalArgumentException("an OCSP responder needs at least one issuer");
        }
        this.statuses = new StatusLookup(Objects.requireNonNull(certificates, "certificates"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = new OcspRequestParser(settings.maxRequestBytes(), settings.maxCertIds());
        this.signer = new OcspResponseSigner(settings.validity());
        this.cache = new OcspResponseCache(settings.cacheSize());
    }

    /**
     * Answers a request.
     *
     * @param requestDer the DER of an OCSPRequest, as received (for GET, after base64 decoding)
     * @return the DER of an OCSPResponse: successful and signed, or malformedRequest, unauthorized,
     *     tryLater (store unavailable) or internalError; possibly shared with the cache, not to be modified
     */
    public byte[] respond(byte[] requestDer) {
        try {
            return answer(requestDer);
        } catch (CachetException e) {
            if (e.type() == ErrorType.UNAVAILABLE) {
                LOG.warn("OCSP answered tryLater: {}", e.getMessage());
                return OcspResponses.tryLater();
            }
            LOG.error("OCSP response failed: {}", e.getMessage(), e);
            return OcspResponses.internalError();
        } catch (RuntimeException e) {
            LOG.error("OCSP response failed", e);
            return OcspResponses.internalError();
        }
    }

    /**
     * Drops the cached responses about a serial, as after revoking it on this instance.
     *
     * @param serial the serial
     */
    public void invalidate(BigInteger serial) {
        cache.invalidate(serial);
    }

    /** @return how many serials have a cached response */
    public int cachedSerials() {
        return cache.size();
    }

    private byte[] answer(byte[] requestDer) {
        Optional<OcspRequestParser.Parsed> parsed = parser.parse(requestDer);
        if (parsed.isEmpty()) {
            return OcspResponses.malformed();
        }
        List<CertID> certIds = parsed.get().certIds();
        Optional<ServedIssuer> issuer = issuerOf(certIds);
        if (issuer.isEmpty()) {
            return OcspResponses.unauthorized();
        }
        if (certIds.size() == 1 && parsed.get().nonce().isEmpty()) {
            return cached(issuer.get(), certIds.get(0));
        }
        return fresh(issuer.get(), parsed.get());
    }

    /** The one served issuer all CertIDs name; a response is signed by one key. */
    private Optional<ServedIssuer> issuerOf(List<CertID> certIds) {
        for (ServedIssuer candidate : issuers) {
            if (certIds.stream().allMatch(candidate::matches)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private byte[] fresh(ServedIssuer issuer, OcspRequestParser.Parsed request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<OcspResponseSigner.Answer> answers = new ArrayList<>(request.certIds().size());
        for (CertID certId : request.certIds()) {
            answers.add(new OcspResponseSigner.Answer(certId, statuses.lookup(issuer, serial(certId))));
        }
        return signer.sign(issuer, answers, request.nonce(), now);
    }

    private byte[] cached(ServedIssuer issuer, CertID certId) {
        Instant now = clock.instant();
        BigInteger serial = serial(certId);
        byte[] key = Der.encode(certId);
        OcspResponseCache.Cached entry = cache.get(serial, key);
        boolean current = entry != null && age(entry.signedAt(), now).compareTo(settings.resignAfter()) < 0;
        if (current && age(entry.checkedAt(), now).compareTo(settings.statusMaxAge()) < 0) {
            return entry.der();
        }
        long generation = cache.generation();
        CertStatus status = statuses.lookup(issuer, serial);
        if (current && status.equals(entry.status())) {
            cache.put(serial, entry.checkedAgain(now), generation);
            return entry.der();
        }
        Instant signedAt = now.truncatedTo(ChronoUnit.SECONDS);
        byte[] der = signer.sign(issuer, List.of(new OcspResponseSigner.Answer(certId, status)), Optional.empty(),
                signedAt);
        cache.put(serial, new OcspResponseCache.Cached(key, der, status, signedAt, now), generation);
        return der;
    }

    /** A negative age (a clock set back) counts as too old. */
    private static Duration age(Instant since, Instant now) {
        return now.isBefore(since) ? ChronoUnit.FOREVER.getDuration() : Duration.between(since, now);
    }

    private static BigInteger serial(CertID certId) {
        return certId.getSerialNumber().getValue();
    }
}
