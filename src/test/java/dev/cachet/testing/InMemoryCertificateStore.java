package dev.cachet.testing;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.RevokedEntry;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A {@link CertificateStore} in memory, for tests: thread-safe, ordered by serial, and with the
 * compare-and-set state changes of the database ({@code UPDATE ... WHERE status = ?}). Records are
 * immutable and replaced whole; certificate bytes are copied in and out.
 */
public final class InMemoryCertificateStore implements CertificateStore {
    private final ConcurrentSkipListMap<BigInteger, CertificateRecord> records = new ConcurrentSkipListMap<>();
    private final Clock clock;

    /**
     * Creates an empty store.
     *
     * @param clock the source of {@code createdAt}
     */
    public InMemoryCertificateStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void reserve(CertificateReservation reservation) {
        CertificateRecord record = new CertificateRecord(reservation.serial(), reservation.issuerId(),
                CertificateStatus.RESERVED, reservation.profile(), reservation.names(), reservation.requester(),
                reservation.notBefore(), reservation.notAfter(), StoredTime.of(clock.instant()), Optional.empty(),
                Optional.empty(), Optional.empty());
        if (records.putIfAbsent(reservation.serial(), record) != null) {
            throw new CachetException(ErrorType.ALREADY_EXISTS, "serial " + reservation.serial().toString(16)
                    + " is taken");
        }
    }

    /**
     * Stores the certificate of a reserved serial. A serial revoked while reserved keeps its
     * status and gains the certificate; an unknown or already issued serial is an error.
     */
    @Override
    public void recordIssued(BigInteger serial, byte[] certificate) {
        byte[] copy = certificate.clone();
        boolean changed = update(serial, r -> {
            if (r.status() == CertificateStatus.UNISSUED) {
                throw new CachetException(ErrorType.INTERNAL, "serial " + serial.toString(16)
                        + " was marked never issued by crash recovery");
            }
            if (r.certificate().isPresent()) {
                throw new CachetException(ErrorType.ALREADY_EXISTS, "serial " + serial.toString(16)
                        + " has a certificate already");
            }
            CertificateStatus status = r.status() == CertificateStatus.RESERVED ? CertificateStatus.ISSUED : r.status();
            return with(r, status, Optional.of(copy), r.revokedAt(), r.revocationReason());
        });
        if (!changed) {
            throw new CachetException(ErrorType.NOT_FOUND, "serial " + serial.toString(16) + " was never reserved");
        }
    }

    @Override
    public Optional<CertificateRecord> find(BigInteger serial) {
        return Optional.ofNullable(records.get(serial)).map(InMemoryCertificateStore::copy);
    }

    /** Also returns false for a serial that was never reserved, as the SQL update does. */
    @Override
    public boolean revoke(BigInteger serial, RevocationReason reason, Instant at) {
        return update(serial, r -> {
            if (r.status() == CertificateStatus.UNISSUED) {
                throw new CachetException(ErrorType.NOT_FOUND, "serial " + serial.toString(16) + " was never issued");
            }
            return r.status() == CertificateStatus.REVOKED ? null
                    : with(r, CertificateStatus.REVOKED, r.certificate(), Optional.of(at), Optional.of(reason));
        });
    }

    @Override
    public List<CertificateRecord> staleReservations(Instant reservedBefore, int limit) {
        Instant before = StoredTime.of(reservedBefore);
        return records.values().stream()
                .filter(r -> r.status() == CertificateStatus.RESERVED && r.createdAt().isBefore(before))
                .sorted(java.util.Comparator.comparing(CertificateRecord::createdAt)
                        .thenComparing(CertificateRecord::serial))
                .limit(Math.max(limit, 0)).map(InMemoryCertificateStore::copy).toList();
    }

    @Override
    public boolean markUnissued(BigInteger serial, Instant reservedBefore) {
        Instant before = StoredTime.of(reservedBefore);
        return update(serial, r -> r.status() != CertificateStatus.RESERVED || !r.createdAt().isBefore(before) ? null
                : with(r, CertificateStatus.UNISSUED, r.certificate(), r.revokedAt(), r.revocationReason()));
    }

    @Override
    public List<CertificateRecord> search(CertificateQuery query) {
        var candidates = query.after().isPresent() ? records.tailMap(query.after().get(), false) : records;
        return candidates.values().stream()
                .filter(r -> query.status().map(s -> s == r.status()).orElse(true))
                .filter(r -> query.expiresBefore().map(t -> r.notAfter().isBefore(t)).orElse(true))
                .filter(r -> query.name().map(n -> r.names().stream().anyMatch(i -> i.value().equals(n)))
                        .orElse(true))
                .limit(query.limit())
                .map(InMemoryCertificateStore::copy)
                .toList();
    }

    @Override
    public void forEachRevoked(String issuerId, Instant notExpiredAt, Consumer<RevokedEntry> sink) {
        for (CertificateRecord r : records.values()) {
            if (r.status() == CertificateStatus.REVOKED && r.issuerId().equals(issuerId)
                    && !r.notAfter().isBefore(notExpiredAt)) {
                sink.accept(new RevokedEntry(r.serial(), r.revokedAt().orElseThrow(),
                        r.revocationReason().orElseThrow()));
            }
        }
    }

    /** @return how many serials are recorded */
    public int size() {
        return records.size();
    }

    /** Applies a change with compare-and-set; the change returns null to leave the record as it is. */
    private boolean update(BigInteger serial, UnaryOperator<CertificateRecord> change) {
        while (true) {
            CertificateRecord current = records.get(serial);
            if (current == null) {
                return false;
            }
            CertificateRecord next = change.apply(current);
            if (next == null) {
                return false;
            }
            if (records.replace(serial, current, next)) {
                return true;
            }
        }
    }

    private static CertificateRecord with(CertificateRecord r, CertificateStatus status, Optional<byte[]> certificate,
            Optional<Instant> revokedAt, Optional<RevocationReason> reason) {
        return new CertificateRecord(r.serial(), r.issuerId(), status, r.profile(), r.names(), r.requester(),
                r.notBefore(), r.notAfter(), r.createdAt(), certificate, revokedAt, reason);
    }

    private static CertificateRecord copy(CertificateRecord r) {
        return with(r, r.status(), r.certificate().map(byte[]::clone), r.revokedAt(), r.revocationReason());
    }
}
