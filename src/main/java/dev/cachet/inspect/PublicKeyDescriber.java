package dev.cachet.inspect;

import dev.cachet.crypto.PublicKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Describes a bare public key (SubjectPublicKeyInfo): type, size or curve, and fingerprint. */
final class PublicKeyDescriber {

    /**
     * Describes a public key.
     *
     * @param key the key
     * @return its description
     */
    Description describe(SubjectPublicKeyInfo key) {
        PublicKeyInfo info = PublicKeyInfo.of(key);
        Fields fields = new Fields().addAll(KeyFields.of(info));
        if (info.bits() > 0) {
            fields.text("size", info.bits() + " bits");
        }
        return new Description(Kind.PUBLIC_KEY, fields.build());
    }
}
