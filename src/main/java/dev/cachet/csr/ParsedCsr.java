package dev.cachet.csr;

import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What a CSR asks for, after parsing and checking.
 *
 * @param subject the requested subject name
 * @param commonName the subject's CN, if any
 * @param names the subjectAltNames of the extensionRequest, syntax-checked, in order
 * @param publicKey the key to certify
 * @param signatureValid whether the CSR's self-signature verifies with its own key
 * @param der the DER encoding of the request
 */
public record ParsedCsr(X500Name subject, Optional<String> commonName, List<Identifier> names,
        SubjectPublicKeyInfo publicKey, boolean signatureValid, byte[] der) {

    /** Copies the list so the record stays immutable. */
    public ParsedCsr {
        names = List.copyOf(names);
    }

    /**
     * Every name the request asks for: the subjectAltNames, then the common name when it is a
     * host name that is not among them.
     *
     * @return the names, without duplicates
     */
    public List<Identifier> requestedNames() {
        List<Identifier> all = new ArrayList<>(names);
        commonName.flatMap(Identifiers::parseHost).filter(cn -> !all.contains(cn)).ifPresent(all::add);
        return List.copyOf(all);
    }
}
