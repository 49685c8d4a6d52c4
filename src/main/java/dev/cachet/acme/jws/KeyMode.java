package dev.cachet.acme.jws;

/** Which key reference a request must carry (RFC 8555 §6.2). */
public enum KeyMode {
    /** {@code jwk}: newAccount (and revokeCert signed by the certificate's key). */
    JWK,
    /** {@code kid}: every other request. */
    KID,
    /** Either: revokeCert. */
    EITHER
}
