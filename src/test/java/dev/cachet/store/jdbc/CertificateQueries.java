package dev.cachet.store.jdbc;

import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateStatus;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/** Short forms of certificate queries for the contracts. */
final class CertificateQueries {
    private CertificateQueries() {
    }

    static CertificateQuery byName(String name) {
        return new CertificateQuery(Optional.empty(), Optional.empty(), Optional.of(name), Optional.empty(), 100);
    }

    static CertificateQuery byStatus(CertificateStatus status) {
        return new CertificateQuery(Optional.of(status), Optional.empty(), Optional.empty(), Optional.empty(), 100);
    }

    static CertificateQuery expiringBefore(Instant instant) {
        return new CertificateQuery(Optional.empty(), Optional.of(instant), Optional.empty(), Optional.empty(), 100);
    }

    static CertificateQuery page(Optional<BigInteger> after, int limit) {
        return new CertificateQuery(Optional.empty(), Optional.empty(), Optional.empty(), after, limit);
    }
}
