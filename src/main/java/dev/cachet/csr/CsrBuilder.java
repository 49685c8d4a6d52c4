package dev.cachet.csr;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.Jca;
import dev.cachet.crypto.SignatureAlgorithms;
import java.io.IOException;
import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Builds a PKCS#10 request (RFC 2986) signed by its own key, with the subjectAltNames in an
 * extensionRequest attribute (RFC 2985 §5.4.2), as {@code openssl req -addext} does.
 */
public final class CsrBuilder {

    private CsrBuilder() {
    }

    /**
     * Builds and signs a request.
     *
     * @param keyPair the subscriber's key pair; the private key signs the request
     * @param subject the subject name, possibly empty
     * @param names the subjectAltNames, possibly empty
     * @return the signed request
     */
    public static PKCS10CertificationRequest build(KeyPair keyPair, X500Name subject, List<Identifier> names) {
        try {
            JcaPKCS10CertificationRequestBuilder builder =
                    new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic());
            if (!names.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                // RFC 5280 §4.2.1.6: the extension is critical when the subject is empty.
                boolean critical = subject.getRDNs().length == 0;
                extensions.addExtension(Extension.subjectAlternativeName, critical, SubjectAltNames.encode(names));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            String algorithm = SignatureAlgorithms.forKey(keyPair.getPublic());
            return builder.build(new JcaContentSignerBuilder(algorithm).setProvider(Jca.provider())
                    .build(keyPair.getPrivate()));
        } catch (IOException | OperatorCreationException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot build the CSR: " + e.getMessage(), e);
        }
    }
}
