/**
 * Revocation status: CRLs (RFC 5280 §5) and an OCSP responder (RFC 6960), profiled by the
 * CA/Browser Forum Baseline Requirements 4.9, 7.2 and 7.3. Plain Java over the store ports; an
 * HTTP edge calls it.
 *
 * <p>Several instances share one database. CRL numbers come from the shared {@code CrlStore},
 * whose save is a compare-and-set; a lost race is retried with the next number. The revoking
 * instance invalidates its OCSP cache and regenerates the CRL at once ({@link
 * dev.cachet.revocation.Revoker}); other instances see the revocation in OCSP within
 * {@link dev.cachet.revocation.OcspSettings#statusMaxAge()} and in the CRL after
 * {@link dev.cachet.revocation.CrlSettings#reloadInterval()}.
 */
package dev.cachet.revocation;
