package dev.cachet.ca;

import java.util.Objects;

/**
 * Where relying parties find an issuer's revocation data and certificate, written into every leaf
 * it signs: Authority Information Access (RFC 5280 §4.2.2.1) and CRL Distribution Points (§4.2.1.13).
 * BR 7.1.2.7.7 asks for plain HTTP URLs here.
 *
 * @param ocsp the OCSP responder
 * @param caIssuers the issuer's certificate, DER
 * @param crl the issuer's CRL, DER
 */
public record IssuerUrls(String ocsp, String caIssuers, String crl) {

    /** Checks the fields. */
    public IssuerUrls {
        Objects.requireNonNull(ocsp, "ocsp");
        Objects.requireNonNull(caIssuers, "caIssuers");
        Objects.requireNonNull(crl, "crl");
    }

    /**
     * The URLs Cachet's plain HTTP listener serves.
     *
     * @param baseUrl such as {@code http://ca.example.org}
     * @return the URLs under it
     */
    public static IssuerUrls under(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new IssuerUrls(base + "/ocsp", base + "/ca/intermediate.der", base + "/crl/intermediate.crl");
    }
}
