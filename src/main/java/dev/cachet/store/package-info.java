/**
 * Persistence ports: narrow interfaces that take and return immutable records. State changes are
 * compare-and-set in the implementation ({@code UPDATE ... WHERE status = ?}), never mutation of
 * shared objects. Implementations live in {@code dev.cachet.store.jdbc}.
 */
package dev.cachet.store;
