package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.ca.IssuanceLinks;
import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profiles;
import dev.cachet.ca.StoreJournal;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.CertificateStatus;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TestCa;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/** Store calls of one piece of work commit together or not at all, on H2 and PostgreSQL. */
class JdbcUnitOfWorkTest extends StoreContract {
    private static final Clock CLOCK = PkiFixtures.clock();
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, CLOCK);
    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void callsOfTwoStoresCommitTogether() {
        new JdbcUnitOfWork(dataSource()).inOne(() -> {
            nonces().redeem("first", EXPIRES);
            audit().record(event("together"));
        });

        assertThat(nonces().redeem("first", EXPIRES)).as("already stored").isFalse();
        assertThat(audit().recent(5)).extracting(AuditEvent::action).containsExactly("together");
    }

    @Test
    void workThatThrowsKeepsNoneOfItsCalls() {
        JdbcUnitOfWork units = new JdbcUnitOfWork(dataSource());

        assertThatThrownBy(() -> units.inOne(() -> {
            nonces().redeem("first", EXPIRES);
            audit().record(event("lost"));
            throw new IllegalStateException("stop");
        })).hasMessage("stop");

        assertThat(nonces().redeem("first", EXPIRES)).as("never stored").isTrue();
        assertThat(audit().recent(5)).isEmpty();
    }

    @Test
    void aFailedStatementEndsTheWholeUnit() {
        assertThatThrownBy(() -> new JdbcUnitOfWork(dataSource()).inOne(() -> {
            audit().record(event("lost"));
            new Jdbc(dataSource()).update("a duplicate", "INSERT INTO acme_nonce_key (id, hmac_key) VALUES (1, 'a'),"
                    + " (1, 'b')");
        })).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.ALREADY_EXISTS));

        assertThat(audit().recent(5)).isEmpty();
    }

    @Test
    void aUnitInsideAUnitJoinsIt() {
        JdbcUnitOfWork units = new JdbcUnitOfWork(dataSource());

        assertThatThrownBy(() -> units.inOne(() -> {
            units.inOne(() -> nonces().redeem("inner", EXPIRES));
            throw new IllegalStateException("stop");
        })).hasMessage("stop");

        assertThat(nonces().redeem("inner", EXPIRES)).as("rolled back with the outer unit").isTrue();
    }

    @Test
    void anAllOrNothingThatFindsNothingToDoKeepsTheUnitsEarlierCalls() {
        Jdbc jdbc = new Jdbc(dataSource());

        new JdbcUnitOfWork(dataSource()).inOne(() -> {
            nonces().redeem("kept", EXPIRES);
            assertThat(jdbc.allOrNothing("undone", c -> Jdbc.update(c, "INSERT INTO acme_used_nonces"
                    + " (nonce_id, expires) VALUES (?, ?)", "undone", EXPIRES) < 0)).isFalse();
        });

        assertThat(nonces().redeem("kept", EXPIRES)).isFalse();
        assertThat(nonces().redeem("undone", EXPIRES)).as("rolled back to its savepoint").isTrue();
    }

    @Test
    void aReservationRefusedByItsCallerIsNotKept() {
        JdbcCertificateStore certificates = new JdbcCertificateStore(dataSource(), CLOCK);
        LeafIssuer issuer = new LeafIssuer(CA.issuer(), new StoreJournal(certificates, audit(),
                new JdbcUnitOfWork(dataSource()), CLOCK), new SecureRandom(), CLOCK);
        AtomicReference<BigInteger> reserved = new AtomicReference<>();

        assertThatThrownBy(() -> issuer.issue(request(), "test", IssuanceLinks.onReserved(serial -> {
            reserved.set(serial);
            throw new CachetException(ErrorType.ORDER_NOT_READY, "finalized already");
        }))).hasMessage("finalized already");

        assertThat(certificates.find(reserved.get())).isEmpty();
        assertThat(audit().recent(5)).as("nor its audit row").isEmpty();
    }

    @Test
    void theCallersRecordsOfAnIssuanceAreKeptWithIt() {
        JdbcCertificateStore certificates = new JdbcCertificateStore(dataSource(), CLOCK);
        LeafIssuer issuer = new LeafIssuer(CA.issuer(), new StoreJournal(certificates, audit(),
                new JdbcUnitOfWork(dataSource()), CLOCK), new SecureRandom(), CLOCK);

        IssuedCertificate issued = issuer.issue(request(), "test", new IssuanceLinks() {
            @Override
            public void reserved(BigInteger serial) {
                audit().record(event("linked " + serial.toString(16)));
            }

            @Override
            public void stored(IssuedCertificate certificate) {
                audit().record(event("stored " + certificate.serial().toString(16)));
            }
        });

        assertThat(certificates.find(issued.serial()).orElseThrow().status()).isEqualTo(CertificateStatus.ISSUED);
        String serial = issued.serial().toString(16);
        assertThat(audit().recent(5)).extracting(AuditEvent::action)
                .containsExactlyInAnyOrder("certificate.reserved", "linked " + serial, "stored " + serial);
    }

    private JdbcNonceStore nonces() {
        return new JdbcNonceStore(dataSource());
    }

    private JdbcAuditLog audit() {
        return new JdbcAuditLog(dataSource());
    }

    private static AuditEvent event(String action) {
        return new AuditEvent(CLOCK.instant(), "test", action, "subject", Map.of());
    }

    private static IssuanceRequest request() {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(
                new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256).getPublic().getEncoded());
        return new IssuanceRequest(key, List.of(Identifier.dns("www.example.org")), Optional.empty(),
                Profiles.require("tls-server"), OptionalInt.empty());
    }
}
