/**
 * Keys and their encodings: key types, key generation, PEM reading and writing (PKCS#8, encrypted
 * PKCS#8), fingerprints, signature checks of certificates and CSRs, and files that hold secrets.
 * Bouncy Castle is used through one provider instance, {@link dev.cachet.crypto.Jca#provider()},
 * never registered globally.
 */
package dev.cachet.crypto;
