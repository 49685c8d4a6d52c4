/**
 * ACME state (RFC 8555 §7.1): accounts, orders, authorizations, challenges, nonces and external
 * account binding keys, as immutable records and narrow ports. Every state change is a
 * compare-and-set in the implementation, so that several instances can share one database.
 */
package dev.cachet.store.acme;
