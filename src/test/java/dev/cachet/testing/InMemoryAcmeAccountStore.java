package dev.cachet.testing;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AccountStatus;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAccountStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An {@link AcmeAccountStore} in memory, for tests: thread-safe, one account per key like the
 * database's unique thumbprint, compare-and-set state changes, instants kept to the microsecond.
 */
public final class InMemoryAcmeAccountStore implements AcmeAccountStore {
    private final Map<String, AcmeAccount> accounts = new HashMap<>();

    @Override
    public synchronized void create(AcmeAccount a) {
        Objects.requireNonNull(a.createdAt(), "createdAt");
        if (accounts.containsKey(a.id()) || findByThumbprint(a.keyThumbprint()).isPresent()) {
            throw new CachetException(ErrorType.ALREADY_EXISTS, "ACME account " + a.id() + " with key "
                    + a.keyThumbprint() + " already exists");
        }
        accounts.put(a.id(), new AcmeAccount(a.id(), a.keyThumbprint(), a.jwk(), a.status(), a.contact(),
                a.termsAgreed(), a.eabKeyId(), StoredTime.of(a.createdAt())));
    }

    @Override
    public synchronized Optional<AcmeAccount> find(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized Optional<AcmeAccount> findByThumbprint(String keyThumbprint) {
        return accounts.values().stream().filter(a -> a.keyThumbprint().equals(keyThumbprint)).findFirst();
    }

    @Override
    public synchronized boolean updateContact(String id, List<String> contact) {
        return update(id, a -> a.status() != AccountStatus.VALID ? null
                : with(a, a.keyThumbprint(), a.jwk(), a.status(), contact));
    }

    @Override
    public synchronized boolean deactivate(String id) {
        return update(id, a -> a.status() != AccountStatus.VALID ? null
                : with(a, a.keyThumbprint(), a.jwk(), AccountStatus.DEACTIVATED, a.contact()));
    }

    @Override
    public synchronized boolean changeKey(String id, String oldThumbprint, String newThumbprint, String newJwk) {
        return update(id, a -> {
            if (!a.keyThumbprint().equals(oldThumbprint)) {
                return null;
            }
            if (findByThumbprint(newThumbprint).filter(other -> !other.id().equals(id)).isPresent()) {
                throw new CachetException(ErrorType.ALREADY_EXISTS, "ACME account key " + newThumbprint
                        + " already exists");
            }
            return with(a, newThumbprint, newJwk, a.status(), a.contact());
        });
    }

    /** Replaces an account; the change returns null to leave it as it is. */
    private boolean update(String id, UnaryOperator<AcmeAccount> change) {
        AcmeAccount current = accounts.get(id);
        AcmeAccount next = current == null ? null : change.apply(current);
        if (next == null) {
            return false;
        }
        accounts.put(id, next);
        return true;
    }

    private static AcmeAccount with(AcmeAccount a, String thumbprint, String jwk, AccountStatus status,
            List<String> contact) {
        return new AcmeAccount(a.id(), thumbprint, jwk, status, contact, a.termsAgreed(), a.eabKeyId(),
                a.createdAt());
    }
}
