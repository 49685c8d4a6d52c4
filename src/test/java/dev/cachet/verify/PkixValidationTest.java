package dev.cachet.verify;

import static dev.cachet.verify.Fixtures.INTERMEDIATE;
import static dev.cachet.verify.Fixtures.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDK's reasons map to verdicts; the path builder's own checks usually fail first, so this tests the map. */
class PkixValidationTest {
    private static final List<X509Certificate> PATH = List.of(SERVER, INTERMEDIATE);

    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of(BasicReason.EXPIRED, Verdict.EXPIRED),
                Arguments.of(BasicReason.NOT_YET_VALID, Verdict.NOT_YET_VALID),
                Arguments.of(BasicReason.INVALID_SIGNATURE, Verdict.BAD_SIGNATURE),
                Arguments.of(BasicReason.ALGORITHM_CONSTRAINED, Verdict.WEAK_ALGORITHM),
                Arguments.of(BasicReason.UNSPECIFIED, Verdict.INVALID),
                Arguments.of(PKIXReason.NOT_CA_CERT, Verdict.NOT_A_CA),
                Arguments.of(PKIXReason.INVALID_KEY_USAGE, Verdict.WRONG_KEY_USAGE),
                Arguments.of(PKIXReason.PATH_TOO_LONG, Verdict.PATH_TOO_LONG),
                Arguments.of(PKIXReason.INVALID_NAME, Verdict.NAME_CONSTRAINTS),
                Arguments.of(PKIXReason.UNRECOGNIZED_CRIT_EXT, Verdict.INVALID),
                Arguments.of(PKIXReason.INVALID_POLICY, Verdict.INVALID));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("reasons")
    void eachReasonMapsToAVerdictNamingTheCertificateAtItsIndex(CertPathValidatorException.Reason reason,
            Verdict verdict) throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(PATH);

        Rejection rejection = PkixValidation.rejection(new CertPathValidatorException("check failed", null, path, 1,
                reason), PATH);

        assertThat(rejection.verdict()).isEqualTo(verdict);
        assertThat(rejection.getMessage()).isEqualTo(verdict.phrase() + ": check failed (CN=Test Intermediate CA)");
    }

    @Test
    void aFailureWithoutIndexNamesTheLeaf() {
        Rejection rejection = PkixValidation.rejection(new CertPathValidatorException("no\nanchor", null, null, -1,
                PKIXReason.NO_TRUST_ANCHOR), PATH);

        assertThat(rejection.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(rejection.getMessage()).isEqualTo("invalid certificate chain: no?anchor (CN=example.org)");
    }

    @Test
    void aValidPathPasses() throws Exception {
        PkixValidation.validate(List.of(SERVER, INTERMEDIATE, Fixtures.ROOT), Fixtures.LATER);
    }
}
