package dev.cachet.acme;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Every ACME URL comes from here (step-ca's Linker), so handlers never build URLs by hand and the
 * {@code url} header of each request can be compared with exactly what the server advertised.
 */
public final class AcmeLinks {
    private final String base;

    /**
     * Creates the links under a base URL.
     *
     * @param base such as {@code https://ca.example.org:8443/acme}, without a trailing slash
     */
    public AcmeLinks(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** @return the directory URL */
    public String directory() {
        return base + "/directory";
    }

    /** @return the newNonce URL */
    public String newNonce() {
        return base + "/new-nonce";
    }

    /** @return the newAccount URL */
    public String newAccount() {
        return base + "/new-account";
    }

    /** @return the newOrder URL */
    public String newOrder() {
        return base + "/new-order";
    }

    /** @return the revokeCert URL */
    public String revokeCert() {
        return base + "/revoke-cert";
    }

    /** @return the keyChange URL */
    public String keyChange() {
        return base + "/key-change";
    }

    /** @return the renewalInfo URL (RFC 9773) */
    public String renewalInfo() {
        return base + "/renewal-info";
    }

    /**
     * @param id an account id
     * @return its URL, also its {@code kid}
     */
    public String account(String id) {
        return base + "/acct/" + id;
    }

    /**
     * @param accountId an account id
     * @return the URL of its orders list
     */
    public String orders(String accountId) {
        return base + "/acct/" + accountId + "/orders";
    }

    /**
     * @param id an order id
     * @return its URL
     */
    public String order(String id) {
        return base + "/order/" + id;
    }

    /**
     * @param orderId an order id
     * @return its finalize URL
     */
    public String finalizeOrder(String orderId) {
        return base + "/order/" + orderId + "/finalize";
    }

    /**
     * @param id an authorization id
     * @return its URL
     */
    public String authorization(String id) {
        return base + "/authz/" + id;
    }

    /**
     * @param authorizationId the authorization
     * @param challengeId the challenge
     * @return the challenge URL
     */
    public String challenge(String authorizationId, String challengeId) {
        return base + "/chall/" + authorizationId + "/" + challengeId;
    }

    /**
     * @param serial a certificate serial
     * @return its download URL
     */
    public String certificate(BigInteger serial) {
        return base + "/cert/" + serial.toString(16);
    }

    /**
     * @param serial a certificate serial
     * @return the download URL of its alternate chain, which ends with the root (RFC 8555 §7.4.2)
     */
    public String alternateCertificate(BigInteger serial) {
        return certificate(serial) + "/alt";
    }

    /**
     * Reads the account id out of a {@code kid}.
     *
     * @param kid the kid header
     * @return the id, when the kid is one of this server's account URLs
     */
    public Optional<String> accountId(String kid) {
        String prefix = base + "/acct/";
        if (kid == null || !kid.startsWith(prefix) || kid.length() == prefix.length()) {
            return Optional.empty();
        }
        String id = kid.substring(prefix.length());
        return id.contains("/") ? Optional.empty() : Optional.of(id);
    }
}
