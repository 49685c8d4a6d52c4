package dev.cachet.ca;

import dev.cachet.core.Identifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A request to issue a leaf certificate, after the requester's names were checked.
 *
 * @param publicKey the key to certify
 * @param names the subjectAltNames
 * @param commonName the requested common name, if any
 * @param profile the profile
 * @param validityDays a validity other than the profile's default, if asked for
 */
public record IssuanceRequest(SubjectPublicKeyInfo publicKey, List<Identifier> names, Optional<String> commonName,
        Profile profile, OptionalInt validityDays) {

    /** Checks the fields and copies the names. */
    public IssuanceRequest {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(profile, "profile");
        names = List.copyOf(names);
    }
}
