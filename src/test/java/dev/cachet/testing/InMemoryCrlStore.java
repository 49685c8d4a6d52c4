package dev.cachet.testing;

import dev.cachet.store.CrlStore;
import dev.cachet.store.StoredCrl;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link CrlStore} in memory, for tests. Like the database's unique key on (issuer, number),
 * {@link #save} is a compare-and-set: the first CRL with a number wins, later ones are refused.
 */
public final class InMemoryCrlStore implements CrlStore {
    private final Map<String, ConcurrentSkipListMap<BigInteger, StoredCrl>> crls = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredCrl> latest(String issuerId) {
        ConcurrentSkipListMap<BigInteger, StoredCrl> byNumber = crls.get(issuerId);
        if (byNumber == null) {
            return Optional.empty();
        }
        Map.Entry<BigInteger, StoredCrl> last = byNumber.lastEntry();
        return last == null ? Optional.empty() : Optional.of(copy(last.getValue()));
    }

    @Override
    public boolean save(StoredCrl crl) {
        return crls.computeIfAbsent(crl.issuerId(), id -> new ConcurrentSkipListMap<>())
                .putIfAbsent(crl.number(), copy(crl)) == null;
    }

    /**
     * Counts the stored CRLs of an issuer.
     *
     * @param issuerId the issuer
     * @return how many were saved
     */
    public int count(String issuerId) {
        ConcurrentSkipListMap<BigInteger, StoredCrl> byNumber = crls.get(issuerId);
        return byNumber == null ? 0 : byNumber.size();
    }

    private static StoredCrl copy(StoredCrl crl) {
        return new StoredCrl(crl.issuerId(), crl.number(), crl.thisUpdate(), crl.nextUpdate(), crl.der().clone());
    }
}
