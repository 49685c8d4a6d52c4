package dev.cachet.ca;

import dev.cachet.crypto.SigningKey;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A CA that signs: its certificate, its key, and the chain above it.
 *
 * @param certificate the issuing CA's certificate
 * @param key its signing key
 * @param chain the issuing certificate followed by its issuers up to the root
 */
public record Issuer(X509CertificateHolder certificate, SigningKey key, List<X509CertificateHolder> chain) {

    /** Checks the fields and copies the chain. */
    public Issuer {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
    }
}
