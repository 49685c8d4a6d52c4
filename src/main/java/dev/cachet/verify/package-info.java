/**
 * Certificate chain verification, independent of files and of the command line: builds a path
 * from a leaf to a trust anchor, validates it with the JDK's PKIX validator (RFC 5280 §6.1), checks
 * the purpose and the host name (RFC 6125 §6.4), and gives one {@link dev.cachet.verify.Verdict}
 * with a one-line reason. {@code cachet verify} reads certificates from files for it; a TLS probe
 * hands it the certificates a server sent.
 */
package dev.cachet.verify;
