/**
 * JWS for ACME (RFC 8555 §6.2-6.5): the flattened JSON serialization only, an algorithm
 * allow-list, {@code jwk} or {@code kid} (never both), the {@code url} and {@code nonce} headers,
 * and signature checks through nimbus-jose-jwt (Ed25519 through the JDK).
 */
package dev.cachet.acme.jws;
