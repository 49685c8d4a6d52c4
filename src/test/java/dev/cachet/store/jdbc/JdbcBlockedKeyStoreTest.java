package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.IssuerUrls;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profiles;
import dev.cachet.ca.StoreJournal;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.core.RevocationReason;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.policy.BlockedKeys;
import dev.cachet.revocation.CrlService;
import dev.cachet.revocation.CrlSettings;
import dev.cachet.revocation.OcspResponder;
import dev.cachet.revocation.OcspSettings;
import dev.cachet.revocation.RevocationService;
import dev.cachet.store.BlockedKey;
import dev.cachet.store.CertificateQuery;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TestCa;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/** Blocked keys on H2 and PostgreSQL, and the revoke-then-refuse cycle over the real stores. */
class JdbcBlockedKeyStoreTest extends StoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = PkiFixtures.clock();
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, CLOCK);
    private static final String HASH = "ab".repeat(32);

    @Test
    void aKeyIsBlockedOnceAndFoundByItsHash() {
        JdbcBlockedKeyStore store = new JdbcBlockedKeyStore(dataSource());
        Instant at = Instant.parse("2026-11-27T10:00:00.000001Z");

        assertThat(store.find(HASH)).isEmpty();
        assertThat(store.add(new BlockedKey(HASH, "first", at))).isTrue();
        assertThat(store.add(new BlockedKey(HASH, "second", at.plusSeconds(5)))).isFalse();

        assertThat(store.find(HASH)).contains(new BlockedKey(HASH, "first", at));
        assertThat(store.find("cd".repeat(32))).isEmpty();
    }

    @Test
    void aKeyRevokedForKeyCompromiseNeverGetsAnotherCertificate() {
        JdbcCertificateStore certificates = new JdbcCertificateStore(dataSource(), CLOCK);
        JdbcBlockedKeyStore blocked = new JdbcBlockedKeyStore(dataSource());
        JdbcAuditLog audit = new JdbcAuditLog(dataSource());
        LeafIssuer issuer = new LeafIssuer(CA.issuer(), new StoreJournal(certificates, audit,
                new JdbcUnitOfWork(dataSource()), CLOCK), RANDOM, CLOCK,
                IssuerUrls.under("http://ca.example.org"), new BlockedKeys(Set.of(), blocked));
        RevocationService revocation = new RevocationService(certificates, blocked, audit,
                new CrlService(certificates, new JdbcCrlStore(dataSource()), CLOCK, CrlSettings.defaults()),
                new OcspResponder(List.of(CA.issuer()), certificates, CLOCK, OcspSettings.defaults()),
                List.of(CA.issuer()), CLOCK);
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(
                new KeyPairFactory(RANDOM).generate(KeyType.EC_P256).getPublic().getEncoded());
        IssuedCertificate first = issuer.issue(request(key), "test");

        revocation.revoke(first.serial(), RevocationReason.KEY_COMPROMISE, "token:ops");

        assertThat(blocked.find(BlockedKeys.spkiSha256(key))).hasValueSatisfying(k -> assertThat(k.source())
                .isEqualTo("keyCompromise revocation of serial " + first.serial().toString(16) + " by token:ops"));
        assertThatThrownBy(() -> issuer.issue(request(key), "test")).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_PUBLIC_KEY))
                .hasMessageContaining("it is on the blocked-keys list (blocked since");
        assertThat(certificates.search(new CertificateQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 10))).hasSize(1);
        assertThat(audit.recent(5)).extracting(e -> e.action()).contains("key.blocked", "certificate.revoked");
    }

    private static IssuanceRequest request(SubjectPublicKeyInfo key) {
        return new IssuanceRequest(key, List.of(Identifier.dns("www.example.org")), Optional.empty(),
                Profiles.require("tls-server"), OptionalInt.empty());
    }
}
