package dev.cachet.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * The extensions of a certificate or the extensions a CSR requests, as fields: the usual ones
 * decoded, every other one listed by name or OID with its criticality. A malformed extension is
 * shown as such instead of failing the whole description.
 */
final class ExtensionFields {
    /** Extensions with a field of their own; the others go to "other extensions". */
    private static final Set<ASN1ObjectIdentifier> DECODED = Set.of(Extension.subjectAlternativeName,
            Extension.keyUsage, Extension.extendedKeyUsage, Extension.basicConstraints,
            Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier, Extension.cRLDistributionPoints,
            Extension.authorityInfoAccess, Extension.certificatePolicies);

    private ExtensionFields() {
    }

    /**
     * Describes basicConstraints: whether the subject is a CA, and its path length limit.
     *
     * @param extensions the extensions, or null when there are none
     * @param certificate true to say "no" when the extension is absent, as for a certificate
     * @return the {@code ca} and {@code pathLen} fields
     */
    static List<Field> basicConstraints(Extensions extensions, boolean certificate) {
        Extension extension = extensions == null ? null : extensions.getExtension(Extension.basicConstraints);
        Fields fields = new Fields();
        if (extension == null) {
            return certificate ? fields.add("ca", "CA", false, "no (no basic constraints)").build() : List.of();
        }
        try {
            BasicConstraints constraints = BasicConstraints.getInstance(extension.getParsedValue());
            Object pathLen = constraints.isCA() ? constraints.getPathLenConstraint() : null;
            String text = constraints.isCA() ? "yes" + (pathLen == null ? "" : ", pathLen " + pathLen) : "no";
            return fields.add("ca", label("CA", extension), constraints.isCA(), text).json("pathLen", pathLen)
                    .build();
        } catch (RuntimeException e) {
            return fields.add("ca", label("CA", extension), malformed(e)).build();
        }
    }

    /**
     * Describes every extension but basicConstraints.
     *
     * @param extensions the extensions, or null when there are none
     * @return the fields, in a fixed order
     */
    static List<Field> describe(Extensions extensions) {
        if (extensions == null) {
            return List.of();
        }
        Fields fields = new Fields();
        add(fields, extensions.getExtension(Extension.subjectAlternativeName), "subjectAltNames", "subject alt names",
                e -> GeneralNameText.all(GeneralNames.getInstance(e.getParsedValue())));
        add(fields, extensions.getExtension(Extension.keyUsage), "keyUsage", "key usage", KeyUsages::names);
        add(fields, extensions.getExtension(Extension.extendedKeyUsage), "extendedKeyUsage", "extended key usage",
                ExtensionFields::purposes);
        add(fields, extensions.getExtension(Extension.subjectKeyIdentifier), "subjectKeyIdentifier",
                "subject key id", e -> Formats.hex(SubjectKeyIdentifier.getInstance(e.getParsedValue())
                        .getKeyIdentifier()));
        add(fields, extensions.getExtension(Extension.authorityKeyIdentifier), "authorityKeyIdentifier",
                "authority key id", ExtensionFields::authorityKeyIdentifier);
        add(fields, extensions.getExtension(Extension.cRLDistributionPoints), "crlDistributionPoints",
                "CRL distribution points", Locations::crlDistributionPoints);
        Extension aia = extensions.getExtension(Extension.authorityInfoAccess);
        add(fields, aia, "ocsp", "OCSP", Locations::ocsp);
        add(fields, aia, "caIssuers", "CA issuers", Locations::caIssuers);
        add(fields, extensions.getExtension(Extension.certificatePolicies), "certificatePolicies", "policies",
                Locations::policies);
        return fields.text("other extensions", others(extensions)).json("extensions", all(extensions)).build();
    }

    private static void add(Fields fields, Extension extension, String key, String label,
            Function<Extension, Object> reader) {
        if (extension == null) {
            return;
        }
        Object value;
        try {
            value = reader.apply(extension);
        } catch (RuntimeException e) {
            value = malformed(e);
        }
        if (!(value instanceof List) || !((List<?>) value).isEmpty()) {
            fields.add(key, label(label, extension), value);
        }
    }

    private static List<String> purposes(Extension extension) {
        List<String> names = new ArrayList<>();
        for (KeyPurposeId purpose : ExtendedKeyUsage.getInstance(extension.getParsedValue()).getUsages()) {
            names.add(ExtensionNames.purpose(purpose.toOID()));
        }
        return names;
    }

    private static String authorityKeyIdentifier(Extension extension) {
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(extension.getParsedValue());
        if (aki.getKeyIdentifier() != null) {
            return Formats.hex(aki.getKeyIdentifier());
        }
        String issuer = aki.getAuthorityCertIssuer() == null ? "(none)"
                : String.join(", ", GeneralNameText.all(aki.getAuthorityCertIssuer()));
        String serial = aki.getAuthorityCertSerialNumber() == null ? "(none)"
                : Formats.serial(aki.getAuthorityCertSerialNumber());
        return "issuer " + issuer + ", serial " + serial;
    }

    private static String others(Extensions extensions) {
        List<String> lines = new ArrayList<>();
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            if (!DECODED.contains(oid)) {
                String name = ExtensionNames.extension(oid);
                String text = name.equals(oid.getId()) ? name : name + " " + oid.getId();
                lines.add(label(text, extensions.getExtension(oid)));
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static List<Group> all(Extensions extensions) {
        List<Group> groups = new ArrayList<>();
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            Extension extension = extensions.getExtension(oid);
            groups.add(new Group(new Fields().add("oid", "OID", oid.getId())
                    .add("name", "name", ExtensionNames.extension(oid))
                    .add("critical", "critical", extension.isCritical()).build(),
                    label(ExtensionNames.extension(oid), extension)));
        }
        return groups;
    }

    private static String label(String label, Extension extension) {
        return extension.isCritical() ? label + " (critical)" : label;
    }

    private static String malformed(RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return "malformed extension (" + reason.lines().findFirst().orElse("") + ")";
    }
}
