/**
 * Certificate signing requests (PKCS#10, RFC 2986): building them with the names in an
 * extensionRequest, and parsing them defensively into a {@link dev.cachet.csr.ParsedCsr}.
 */
package dev.cachet.csr;
