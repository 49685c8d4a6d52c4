/**
 * Ports and records of certificate requests validated by e-mail or approved by an operator, and of
 * the mail outbox: value records only, implemented in {@code store.jdbc} and by in-memory test doubles.
 */
package dev.cachet.store.requests;
