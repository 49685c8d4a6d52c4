/**
 * The database consistency check ({@code cachet db check}): serials unique, every recorded serial
 * either stored with the certificate that was linted or marked never issued, certificates signed
 * by a known issuer, ACME orders consistent with their certificates, e-mail requests not stuck
 * issuing, CRL entries revoked.
 */
package dev.cachet.consistency;
