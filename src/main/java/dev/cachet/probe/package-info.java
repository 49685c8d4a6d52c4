/**
 * A TLS probe, the readable kin of {@code openssl s_client}: connect, complete the handshake, take
 * the chain the server sent and judge it with {@link dev.cachet.verify.ChainVerifier}. Nothing here
 * prints; {@code cachet probe} does.
 */
package dev.cachet.probe;
