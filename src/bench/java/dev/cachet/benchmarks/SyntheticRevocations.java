package dev.cachet.benchmarks;

import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.CertificateStore;
import dev.cachet.store.RevokedEntry;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A store that only lists revocations: {@code count} entries with random 128-bit serials, made as they are read. */
final class SyntheticRevocations implements CertificateStore {
    private final int count;

    SyntheticRevocations(int count) {
        this.count = count;
    }

    @Override
    public void forEachRevoked(String issuerId, Instant notExpiredAt, Consumer<RevokedEntry> sink) {
        SecureRandom random = new SecureRandom();
        Instant at = Instant.now().minusSeconds(3600);
        RevocationReason[] reasons = {RevocationReason.UNSPECIFIED, RevocationReason.KEY_COMPROMISE};
        for (int i = 0; i < count; i++) {
            sink.accept(new RevokedEntry(new BigInteger(127, random).setBit(126), at.plusSeconds(i % 3600),
                    reasons[i % 2]));
        }
    }

    @Override
    public void reserve(CertificateReservation reservation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void recordIssued(BigInteger serial, byte[] certificate) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<CertificateRecord> find(BigInteger serial) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean revoke(BigInteger serial, RevocationReason reason, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CertificateRecord> staleReservations(Instant reservedBefore, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean markUnissued(BigInteger serial, Instant reservedBefore) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CertificateRecord> search(CertificateQuery query) {
        throw new UnsupportedOperationException();
    }
}
