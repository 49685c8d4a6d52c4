/**
 * The ACME protocol core (RFC 8555) without HTTP: accounts, orders, authorizations, challenges,
 * finalization, revocation, renewal information (RFC 9773). The web front end in
 * {@code dev.cachet.server.acme} parses requests and calls these services, Boulder's WFE to RA.
 */
package dev.cachet.acme;
