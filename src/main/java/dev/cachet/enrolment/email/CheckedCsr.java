package dev.cachet.enrolment.email;

import dev.cachet.ca.Profile;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.csr.CsrParser;
import dev.cachet.csr.ParsedCsr;
import dev.cachet.policy.KeyPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;

/**
 * A CSR whose signature and key were checked against a profile, so that a request is refused when
 * it is made rather than after its domains were validated.
 *
 * @param csr the parsed CSR
 * @param profile the profile
 * @param keyFingerprint the SHA-256 of its SubjectPublicKeyInfo, shown to whoever approves
 */
record CheckedCsr(ParsedCsr csr, Profile profile, String keyFingerprint) {

    static CheckedCsr parse(String csrPem, Profile profile) {
        if (csrPem == null || csrPem.isBlank()) {
            throw new CachetException(ErrorType.MALFORMED, "the request has no 'csr' (a PEM CSR)");
        }
        ParsedCsr csr = CsrParser.parseVerified(PemDocument.parse(csrPem.getBytes(StandardCharsets.US_ASCII), "csr")
                .csr());
        PublicKeyInfo key = new KeyPolicy(true).check(csr.publicKey());
        if (!profile.keyTypes().contains(Profile.keyTypeOf(key))) {
            throw new CachetException(ErrorType.BAD_PUBLIC_KEY, "key refused (" + key.describe() + "): profile "
                    + profile.name() + " accepts " + String.join(", ", new TreeSet<>(profile.keyTypes())));
        }
        try {
            return new CheckedCsr(csr, profile, Fingerprints.sha256(csr.publicKey().getEncoded()));
        } catch (IOException e) {
            throw new CachetException(ErrorType.BAD_CSR, "cannot encode the CSR's public key", e);
        }
    }
}
