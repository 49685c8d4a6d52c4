package dev.cachet.store.jdbc;

import static dev.cachet.store.jdbc.AcmeFixtures.account;
import static dev.cachet.store.jdbc.JdbcCertificateStoreTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AccountStatus;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAccountStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link AcmeAccountStore} must do. */
class AcmeAccountStoreTest extends AcmeStoreContract {

    @Test
    void anAccountIsFoundByIdAndByKeyWithEveryField() {
        AcmeAccountStore store = stores.accounts();
        AcmeAccount bound = new AcmeAccount("acct-2", "thumb-2", "{\"kty\":\"EC\"}", AccountStatus.VALID, List.of(),
                false, "eab-7", NOW.plusNanos(999));
        store.create(account("acct-1", "thumb-1"));
        store.create(bound);

        assertThat(store.find("acct-1")).contains(account("acct-1", "thumb-1"));
        assertThat(store.findByThumbprint("thumb-1")).contains(account("acct-1", "thumb-1"));
        assertThat(store.find("acct-2")).contains(new AcmeAccount("acct-2", "thumb-2", "{\"kty\":\"EC\"}",
                AccountStatus.VALID, List.of(), false, "eab-7", NOW));
        assertThat(store.find("nobody")).isEmpty();
        assertThat(store.findByThumbprint("thumb-9")).isEmpty();
    }

    @Test
    void aTakenKeyOrIdIsAlreadyExistsAndNothingIsWritten() {
        AcmeAccountStore store = stores.accounts();
        store.create(account("acct-1", "thumb-1"));

        assertFails(ErrorType.ALREADY_EXISTS, () -> store.create(account("acct-2", "thumb-1")));
        assertFails(ErrorType.ALREADY_EXISTS, () -> store.create(account("acct-1", "thumb-2")));

        assertThat(store.find("acct-2")).isEmpty();
        assertThat(store.findByThumbprint("thumb-2")).isEmpty();
        assertThat(store.findByThumbprint("thumb-1")).map(AcmeAccount::id).contains("acct-1");
    }

    @Test
    void contactChangesAndDeactivationOnlyWhileValid() {
        AcmeAccountStore store = stores.accounts();
        store.create(account("acct-1", "thumb-1"));

        assertThat(store.updateContact("acct-1", List.of("mailto:new@example.org"))).isTrue();
        assertThat(store.deactivate("acct-1")).isTrue();
        assertThat(store.deactivate("acct-1")).isFalse();
        assertThat(store.updateContact("acct-1", List.of())).isFalse();
        assertThat(store.deactivate("nobody")).isFalse();
        assertThat(store.updateContact("nobody", List.of())).isFalse();

        AcmeAccount found = store.find("acct-1").orElseThrow();
        assertThat(found.status()).isEqualTo(AccountStatus.DEACTIVATED);
        assertThat(found.contact()).containsExactly("mailto:new@example.org");
    }

    @Test
    void aKeyChangeIsCompareAndSetOnTheOldKeyAndRefusesAKeyInUse() {
        AcmeAccountStore store = stores.accounts();
        store.create(account("acct-1", "thumb-1"));
        store.create(account("acct-2", "thumb-2"));

        assertThat(store.changeKey("acct-1", "thumb-1", "thumb-1b", "{\"new\":1}")).isTrue();
        assertThat(store.changeKey("acct-1", "thumb-1", "thumb-1c", "{\"new\":2}")).isFalse();
        assertThat(store.changeKey("nobody", "thumb-1b", "thumb-1c", "{}")).isFalse();
        assertFails(ErrorType.ALREADY_EXISTS, () -> store.changeKey("acct-1", "thumb-1b", "thumb-2", "{}"));

        AcmeAccount found = store.find("acct-1").orElseThrow();
        assertThat(found.keyThumbprint()).isEqualTo("thumb-1b");
        assertThat(found.jwk()).isEqualTo("{\"new\":1}");
        assertThat(store.findByThumbprint("thumb-1")).isEmpty();
        assertThat(store.findByThumbprint("thumb-1b")).map(AcmeAccount::id).contains("acct-1");
        assertThat(store.findByThumbprint("thumb-2")).map(AcmeAccount::id).contains("acct-2");
    }
}
