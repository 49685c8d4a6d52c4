/**
 * Load generation against ACME servers: a plain ACME client (RFC 8555) that signs its requests with
 * nimbus-jose-jwt, answers http-01 itself, polls fast and keeps a fixed number of orders in flight,
 * so that what is measured is the server, Cachet's own or any other (Pebble, Boulder).
 */
package dev.cachet.bench;
