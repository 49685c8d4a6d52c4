package dev.cachet.revocation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;

/** The unsigned error responses of RFC 6960 §2.3, encoded once; each call returns a fresh copy. */
final class OcspResponses {
    private static final byte[] MALFORMED = encode(OCSPRespBuilder.MALFORMED_REQUEST);
    private static final byte[] INTERNAL_ERROR = encode(OCSPRespBuilder.INTERNAL_ERROR);
    private static final byte[] TRY_LATER = encode(OCSPRespBuilder.TRY_LATER);
    private static final byte[] UNAUTHORIZED = encode(OCSPRespBuilder.UNAUTHORIZED);

    private OcspResponses() {
    }

    /** @return malformedRequest: the request could not be parsed or is beyond the limits */
    static byte[] malformed() {
        return MALFORMED.clone();
    }

    /** @return internalError: a bug or unexpected state */
    static byte[] internalError() {
        return INTERNAL_ERROR.clone();
    }

    /** @return tryLater: the store is unavailable */
    static byte[] tryLater() {
        return TRY_LATER.clone();
    }

    /** @return unauthorized: the responder does not serve the issuer asked about */
    static byte[] unauthorized() {
        return UNAUTHORIZED.clone();
    }

    private static byte[] encode(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode OCSP status " + status, e);
        }
    }
}
