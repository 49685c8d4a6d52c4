package dev.cachet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.ca.StoreJournal;
import dev.cachet.core.Identifier;
import dev.cachet.store.CertificateReservation;
import dev.cachet.store.CertificateStatus;
import dev.cachet.store.jdbc.Database;
import dev.cachet.store.jdbc.JdbcAuditLog;
import dev.cachet.store.jdbc.JdbcCertificateStore;
import dev.cachet.store.jdbc.JdbcUnitOfWork;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issued-certificates metric counts a certificate once its record committed, never for a rolled-back step. */
class MeteredJournalTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Database database;
    private JdbcCertificateStore certificates;
    private JdbcUnitOfWork units;
    private final List<String> counted = new ArrayList<>();
    private MeteredJournal journal;

    @BeforeEach
    void open() {
        database = Database.open(Database.embeddedUrl(dir.resolve("db")), null, null);
        certificates = new JdbcCertificateStore(database.dataSource(), CLOCK);
        units = new JdbcUnitOfWork(database.dataSource());
        journal = new MeteredJournal(new StoreJournal(certificates, new JdbcAuditLog(database.dataSource()), units,
                CLOCK), counted::add, units);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCertificateIsCountedOnceItsRecordCommitted() {
        CertificateReservation reservation = reserved(BigInteger.valueOf(0x1001));

        journal.together(() -> {
            journal.issued(reservation, new byte[] {0x30, 0x00});
            assertThat(counted).as("not before the commit").isEmpty();
        });

        assertThat(counted).containsExactly("tls-server");
        assertThat(certificates.find(reservation.serial())).hasValueSatisfying(r -> assertThat(r.status())
                .isEqualTo(CertificateStatus.ISSUED));
    }

    @Test
    void aStepRolledBackCountsNothing() {
        CertificateReservation reservation = reserved(BigInteger.valueOf(0x1002));

        assertThatThrownBy(() -> journal.together(() -> {
            journal.issued(reservation, new byte[] {0x30, 0x00});
            throw new IllegalStateException("the commit did not happen");
        })).hasMessage("the commit did not happen");

        assertThat(counted).isEmpty();
        assertThat(certificates.find(reservation.serial())).hasValueSatisfying(r -> assertThat(r.status())
                .isEqualTo(CertificateStatus.RESERVED));
    }

    private CertificateReservation reserved(BigInteger serial) {
        CertificateReservation reservation = new CertificateReservation(serial, "issuer", "tls-server",
                List.of(Identifier.dns("www.example.org")), "token:ops", NOW, NOW.plusSeconds(86_400),
                new byte[] {0x30, 0x00});
        journal.reserve(reservation);
        return reservation;
    }
}
