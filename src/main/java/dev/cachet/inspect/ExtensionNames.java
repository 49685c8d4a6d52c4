package dev.cachet.inspect;

import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Readable names of extensions, key purposes, well-known policies and CRL reasons (RFC 5280). */
final class ExtensionNames {
    private static final Map<ASN1ObjectIdentifier, String> EXTENSIONS = Map.ofEntries(
            Map.entry(Extension.subjectKeyIdentifier, "subjectKeyIdentifier"),
            Map.entry(Extension.keyUsage, "keyUsage"),
            Map.entry(Extension.subjectAlternativeName, "subjectAltName"),
            Map.entry(Extension.issuerAlternativeName, "issuerAltName"),
            Map.entry(Extension.basicConstraints, "basicConstraints"),
            Map.entry(Extension.cRLNumber, "cRLNumber"),
            Map.entry(Extension.reasonCode, "reasonCode"),
            Map.entry(Extension.deltaCRLIndicator, "deltaCRLIndicator"),
            Map.entry(Extension.issuingDistributionPoint, "issuingDistributionPoint"),
            Map.entry(Extension.nameConstraints, "nameConstraints"),
            Map.entry(Extension.cRLDistributionPoints, "cRLDistributionPoints"),
            Map.entry(Extension.certificatePolicies, "certificatePolicies"),
            Map.entry(Extension.policyMappings, "policyMappings"),
            Map.entry(Extension.authorityKeyIdentifier, "authorityKeyIdentifier"),
            Map.entry(Extension.policyConstraints, "policyConstraints"),
            Map.entry(Extension.extendedKeyUsage, "extendedKeyUsage"),
            Map.entry(Extension.freshestCRL, "freshestCRL"),
            Map.entry(Extension.inhibitAnyPolicy, "inhibitAnyPolicy"),
            Map.entry(Extension.authorityInfoAccess, "authorityInfoAccess"),
            Map.entry(Extension.subjectInfoAccess, "subjectInfoAccess"),
            Map.entry(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24"), "tlsFeature"),
            Map.entry(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2"), "ctSignedCertificateTimestamps"),
            Map.entry(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3"), "ctPrecertificatePoison"),
            Map.entry(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.48.1.5"), "ocspNoCheck"));

    private static final Map<ASN1ObjectIdentifier, String> PURPOSES = Map.of(
            KeyPurposeId.id_kp_serverAuth.toOID(), "serverAuth",
            KeyPurposeId.id_kp_clientAuth.toOID(), "clientAuth",
            KeyPurposeId.id_kp_codeSigning.toOID(), "codeSigning",
            KeyPurposeId.id_kp_emailProtection.toOID(), "emailProtection",
            KeyPurposeId.id_kp_timeStamping.toOID(), "timeStamping",
            KeyPurposeId.id_kp_OCSPSigning.toOID(), "OCSPSigning",
            KeyPurposeId.anyExtendedKeyUsage.toOID(), "anyExtendedKeyUsage");

    private static final Map<String, String> POLICIES = Map.of(
            "2.23.140.1.2.1", "domain-validated",
            "2.23.140.1.2.2", "organization-validated",
            "2.23.140.1.2.3", "individual-validated",
            "2.23.140.1.1", "extended-validation",
            "2.5.29.32.0", "anyPolicy");

    /** CRLReason values (RFC 5280 §5.3.1); 7 is not used. */
    private static final List<String> REASONS = List.of("unspecified", "keyCompromise", "cACompromise",
            "affiliationChanged", "superseded", "cessationOfOperation", "certificateHold", "7", "removeFromCRL",
            "privilegeWithdrawn", "aACompromise");

    private ExtensionNames() {
    }

    /** @return the name of an extension, or its dotted OID */
    static String extension(ASN1ObjectIdentifier oid) {
        return EXTENSIONS.getOrDefault(oid, oid.getId());
    }

    /** @return the name of an extended key usage, or its dotted OID */
    static String purpose(ASN1ObjectIdentifier oid) {
        return PURPOSES.getOrDefault(oid, oid.getId());
    }

    /** @return a policy OID, with its name when well known: {@code 2.23.140.1.2.1 (domain-validated)} */
    static String policy(ASN1ObjectIdentifier oid) {
        String name = POLICIES.get(oid.getId());
        return name == null ? oid.getId() : oid.getId() + " (" + name + ")";
    }

    /** @return the name of a CRL reason code, or its number */
    static String reason(int code) {
        return code >= 0 && code < REASONS.size() ? REASONS.get(code) : Integer.toString(code);
    }
}
