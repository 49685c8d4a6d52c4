package dev.cachet.acme;

import dev.cachet.store.acme.AcmeAccount;

/**
 * The outcome of newAccount.
 *
 * @param account the account
 * @param created true when it was created now (201), false when it existed (200)
 */
public record NewAccountResult(AcmeAccount account, boolean created) {
}
