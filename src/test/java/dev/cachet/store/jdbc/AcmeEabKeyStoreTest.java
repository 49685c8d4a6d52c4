package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.JdbcCertificateStoreTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.EabKey;
import dev.cachet.store.acme.EabKeyStore;
import org.junit.jupiter.api.Test;

/** What every {@link EabKeyStore} must do: keys are created once and bind one account. */
class AcmeEabKeyStoreTest extends AcmeStoreContract {

    @Test
    void aKeyRoundTripsWithItsBytesAndTime() {
        EabKeyStore store = stores.eabKeys();
        byte[] mac = {0, 1, 2, (byte) 0xff, 0x7f};
        store.create(new EabKey("kid-1", mac, "ci runners", NOW.plusNanos(999), null));
        mac[0] = 9;

        EabKey found = store.find("kid-1").orElseThrow();
        assertThat(found.hmacKey()).containsExactly(0, 1, 2, 0xff, 0x7f);
        assertThat(found.name()).isEqualTo("ci runners");
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.boundAccountId()).isNull();
        found.hmacKey()[1] = 9;
        assertThat(store.find("kid-1").orElseThrow().hmacKey()[1]).isEqualTo((byte) 1);
        assertThat(store.find("kid-2")).isEmpty();
    }

    @Test
    void aTakenKeyIdIsAlreadyExists() {
        EabKeyStore store = stores.eabKeys();
        store.create(new EabKey("kid-1", new byte[] {1}, "first", NOW, null));

        assertFails(ErrorType.ALREADY_EXISTS, () -> store.create(new EabKey("kid-1", new byte[] {2}, "x", NOW, null)));

        assertThat(store.find("kid-1").orElseThrow().name()).isEqualTo("first");
    }

    @Test
    void aKeyBindsOneAccountOnce() {
        EabKeyStore store = stores.eabKeys();
        store.create(new EabKey("kid-1", new byte[] {1}, null, NOW, null));

        assertThat(store.bind("kid-1", "acct-1")).isTrue();
        assertThat(store.bind("kid-1", "acct-2")).isFalse();
        assertThat(store.bind("kid-9", "acct-2")).isFalse();

        EabKey found = store.find("kid-1").orElseThrow();
        assertThat(found.boundAccountId()).isEqualTo("acct-1");
        assertThat(found.name()).isNull();
    }

    @Test
    void listIsByCreationTimeThenKeyId() {
        EabKeyStore store = stores.eabKeys();
        store.create(new EabKey("kid-c", new byte[] {3}, "c", NOW.plusSeconds(1), null));
        store.create(new EabKey("kid-b", new byte[] {2}, "b", NOW, "acct-1"));
        store.create(new EabKey("kid-a", new byte[] {1}, "a", NOW, null));

        assertThat(store.list()).extracting(EabKey::keyId).containsExactly("kid-a", "kid-b", "kid-c");
        assertThat(store.list()).extracting(EabKey::boundAccountId).containsExactly(null, "acct-1", null);
    }

    @Test
    void aRevokedKeyBindsNoAccount() {
        EabKeyStore store = stores.eabKeys();
        store.create(new EabKey("kid-1", new byte[] {1}, "one", NOW, null));
        store.create(new EabKey("kid-2", new byte[] {2}, "two", NOW, null));
        assertThat(store.bind("kid-2", "acct-2")).isTrue();

        assertThat(store.revoke("kid-1", NOW.plusSeconds(5))).isTrue();
        assertThat(store.revoke("kid-1", NOW.plusSeconds(6))).isFalse();
        assertThat(store.revoke("kid-9", NOW)).isFalse();
        assertThat(store.revoke("kid-2", NOW.plusSeconds(7))).isTrue();

        assertThat(store.bind("kid-1", "acct-1")).isFalse();
        EabKey revoked = store.find("kid-1").orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(revoked.boundAccountId()).isNull();
        assertThat(store.find("kid-2").orElseThrow().boundAccountId()).isEqualTo("acct-2");
        assertThat(store.list()).extracting(EabKey::revoked).containsExactly(true, true);
    }
}
