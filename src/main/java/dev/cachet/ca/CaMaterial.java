package dev.cachet.ca;

import java.security.KeyPair;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A freshly created CA hierarchy, before it is written to disk.
 *
 * @param root the self-signed root certificate
 * @param rootKey the root's key pair
 * @param intermediate the intermediate certificate, signed by the root
 * @param intermediateKey the intermediate's key pair, which signs leaves
 */
public record CaMaterial(X509CertificateHolder root, KeyPair rootKey, X509CertificateHolder intermediate,
        KeyPair intermediateKey) {
}
