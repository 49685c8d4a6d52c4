package dev.cachet.inspect;

/** The kinds of object a file can hold, with their JSON name and their human title. */
public enum Kind {
    /** An X.509 certificate. */
    CERTIFICATE("certificate", "Certificate"),
    /** A PKCS#10 certificate signing request. */
    CSR("certificateRequest", "Certificate request"),
    /** A certificate revocation list. */
    CRL("crl", "CRL"),
    /** A private key, encrypted or not. */
    PRIVATE_KEY("privateKey", "Private key"),
    /** A SubjectPublicKeyInfo. */
    PUBLIC_KEY("publicKey", "Public key"),
    /** Named EC curve parameters, as {@code openssl ecparam} writes before a key. */
    EC_PARAMETERS("ecParameters", "EC parameters"),
    /** Any other PEM object, named but not described. */
    OTHER("other", "Other object");

    private final String id;
    private final String title;

    Kind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** @return the name in JSON output, such as {@code certificateRequest} */
    public String id() {
        return id;
    }

    /** @return the title in text output, such as {@code Certificate request} */
    public String title() {
        return title;
    }
}
