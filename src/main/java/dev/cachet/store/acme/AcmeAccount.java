package dev.cachet.store.acme;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An ACME account (RFC 8555 §7.1.2).
 *
 * @param id the account id (its URL ends with it)
 * @param keyThumbprint the RFC 7638 thumbprint of its public key, base64url; unique
 * @param jwk the public key as a JWK JSON object
 * @param status its status
 * @param contact contact URLs such as {@code mailto:admin@example.org}
 * @param termsAgreed whether the terms of service were agreed to
 * @param eabKeyId the external account binding key id used to create it, or null
 * @param createdAt when it was created
 */
public record AcmeAccount(String id, String keyThumbprint, String jwk, AccountStatus status, List<String> contact,
        boolean termsAgreed, String eabKeyId, Instant createdAt) {

    /** Checks and copies the fields. */
    public AcmeAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyThumbprint, "keyThumbprint");
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(status, "status");
        contact = List.copyOf(contact);
    }
}
