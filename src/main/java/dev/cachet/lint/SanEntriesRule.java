package dev.cachet.lint;

import dev.cachet.core.CachetException;
import dev.cachet.core.Identifier;
import dev.cachet.csr.SubjectAltNames;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Every subjectAltName entry is well formed: a dNSName in the preferred name syntax with A-labels
 * (RFC 5280 §4.2.1.6, BR 7.1.2.7.12), an iPAddress of 4 or 16 octets, an rfc822Name a mailbox; no
 * entry twice. A TLS server certificate holds dNSName and iPAddress entries only (BR 7.1.2.7.12).
 */
final class SanEntriesRule implements LintRule {

    @Override
    public String name() {
        return "subject_alt_name_entries";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        Set<Identifier> seen = new HashSet<>();
        for (GeneralName name : Sans.raw(certificate)) {
            Optional<String> problem = problem(name, context);
            if (problem.isPresent()) {
                return problem;
            }
            Identifier identifier = SubjectAltNames.decode(new GeneralNames(name)).get(0);
            if (!seen.add(identifier)) {
                return Optional.of("the name " + identifier.value() + " appears twice");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(GeneralName name, LintContext context) {
        int tag = name.getTagNo();
        if (context.tlsServer() && tag != GeneralName.dNSName && tag != GeneralName.iPAddress) {
            return Optional.of("a TLS server certificate holds only dNSName and iPAddress entries (found tag "
                    + tag + ")");
        }
        List<Identifier> decoded;
        try {
            decoded = SubjectAltNames.decode(new GeneralNames(name));
        } catch (CachetException e) {
            return Optional.of("malformed entry: " + e.getMessage());
        }
        if (tag == GeneralName.dNSName) {
            String raw = ((ASN1String) name.getName()).getString();
            if (!raw.toLowerCase(Locale.ROOT).equals(decoded.get(0).value())) {
                return Optional.of("dNSName '" + raw + "' is not in A-label form");
            }
        }
        return Optional.empty();
    }
}
