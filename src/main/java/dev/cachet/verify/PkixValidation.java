package dev.cachet.verify;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the JDK's PKIX validator (RFC 5280 §6.1) on a path built by {@link PathBuilder}, and turns
 * its reason for a failure into a verdict naming the certificate at fault.
 */
final class PkixValidation {
    private static final Map<CertPathValidatorException.Reason, Verdict> VERDICTS = Map.of(
            BasicReason.EXPIRED, Verdict.EXPIRED,
            BasicReason.NOT_YET_VALID, Verdict.NOT_YET_VALID,
            BasicReason.INVALID_SIGNATURE, Verdict.BAD_SIGNATURE,
            BasicReason.ALGORITHM_CONSTRAINED, Verdict.WEAK_ALGORITHM,
            PKIXReason.NOT_CA_CERT, Verdict.NOT_A_CA,
            PKIXReason.INVALID_KEY_USAGE, Verdict.WRONG_KEY_USAGE,
            PKIXReason.PATH_TOO_LONG, Verdict.PATH_TOO_LONG,
            PKIXReason.INVALID_NAME, Verdict.NAME_CONSTRAINTS);

    private PkixValidation() {
    }

    /**
     * Validates a path.
     *
     * @param chain the certificates from the leaf to the trust anchor, both included
     * @param time the time to validate at
     * @throws Rejection when the validator rejects the path
     */
    static void validate(List<X509Certificate> chain, Instant time) throws Rejection {
        if (chain.size() < 2) {
            return; // the leaf is itself a trust anchor: there is no path to validate
        }
        List<X509Certificate> path = chain.subList(0, chain.size() - 1);
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain.get(chain.size() - 1),
                    null)));
            // Revocation needs CRLs or OCSP responses from the network; Cachet verifies offline.
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(time));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            throw rejection(e, path);
        } catch (GeneralSecurityException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot run PKIX validation: " + e.getMessage(), e);
        }
    }

    /**
     * Maps a validator failure to a verdict.
     *
     * @param failure the validator's exception
     * @param path the validated certificates, leaf first, without the trust anchor
     * @return the rejection, naming the certificate at the failure's index, or the leaf when it has none
     */
    static Rejection rejection(CertPathValidatorException failure, List<X509Certificate> path) {
        Verdict verdict = VERDICTS.getOrDefault(failure.getReason(), Verdict.INVALID);
        int index = failure.getIndex();
        X509Certificate concerned = index >= 0 && index < path.size() ? path.get(index) : path.get(0);
        String reason = failure.getMessage() == null ? failure.getReason().toString() : failure.getMessage();
        return new Rejection(verdict, ": " + CertificateNames.oneLine(reason), concerned);
    }
}
