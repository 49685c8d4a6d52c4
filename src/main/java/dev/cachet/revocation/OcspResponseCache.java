package dev.cachet.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed single-serial responses of this instance, by serial and then by the exact CertID the
 * client sent (hash algorithm and encoding differ between clients). Bounded: past the size, about
 * a tenth of the serials are dropped in the map's own order, a cheap stand-in for LRU.
 *
 * <p>A response computed from a status read before an {@link #invalidate} is never served after it:
 * {@link #put} takes the invalidation count from before the store read and stores nothing when an
 * invalidation happened since.
 */
final class OcspResponseCache {
    private final int maxSerials;
    private final Map<BigInteger, List<Cached>> bySerial = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final AtomicBoolean evicting = new AtomicBoolean();

    /**
     * A signed response and what it was made from.
     *
     * @param certId the DER of the CertID it answers
     * @param der the DER of the OCSPResponse
     * @param status the status it states
     * @param signedAt its thisUpdate and producedAt
     * @param checkedAt when the store last confirmed the status (the time before the read)
     */
    record Cached(byte[] certId, byte[] der, CertStatus status, Instant signedAt, Instant checkedAt) {
        Cached checkedAgain(Instant at) {
            return new Cached(certId, der, status, signedAt, at);
        }
    }

    OcspResponseCache(int maxSerials) {
        this.maxSerials = maxSerials;
    }

    /** @return the count to pass to {@link #put}, read before the status is read from the store */
    long generation() {
        return invalidations.get();
    }

    Cached get(BigInteger serial, byte[] certId) {
        List<Cached> entries = bySerial.get(serial);
        if (entries != null) {
            for (Cached entry : entries) {
                if (Arrays.equals(entry.certId(), certId)) {
                    return entry;
                }
            }
        }
        return null;
    }

    void put(BigInteger serial, Cached response, long generation) {
        if (maxSerials == 0) {
            return;
        }
        // Same key, so serialized with invalidate: either it sees the new count or removes this entry.
        bySerial.compute(serial, (key, old) -> invalidations.get() == generation ? with(old, response) : old);
        if (bySerial.size() > maxSerials) {
            evict();
        }
    }

    void invalidate(BigInteger serial) {
        bySerial.compute(serial, (key, old) -> {
            invalidations.incrementAndGet();
            return null;
        });
    }

    int size() {
        return bySerial.size();
    }

    private static List<Cached> with(List<Cached> old, Cached response) {
        List<Cached> entries = new ArrayList<>(old == null ? 1 : old.size() + 1);
        entries.add(response);
        if (old != null) {
            old.stream().filter(e -> !Arrays.equals(e.certId(), response.certId())).forEach(entries::add);
        }
        return List.copyOf(entries);
    }

    private void evict() {
        if (!evicting.compareAndSet(false, true)) {
            return;
        }
        try {
            int target = maxSerials - maxSerials / 10;
            Iterator<BigInteger> serials = bySerial.keySet().iterator();
            while (bySerial.size() > target && serials.hasNext()) {
                serials.next();
                serials.remove();
            }
        } finally {
            evicting.set(false);
        }
    }
}
