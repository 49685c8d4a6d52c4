package dev.cachet.crypto;

import java.security.PublicKey;
import org.bouncycastle.operator.ContentSigner;

/**
 * A key that signs certificates, CRLs and OCSP responses. A software key and, later, a key in a
 * PKCS#11 token both meet Bouncy Castle at this seam.
 */
public interface SigningKey {

    /** @return the public half, as in the issuer's certificate */
    PublicKey publicKey();

    /** @return a signer over this key, using {@link SignatureAlgorithms#forKey} */
    ContentSigner contentSigner();
}
