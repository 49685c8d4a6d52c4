package dev.cachet.verify;

import static dev.cachet.verify.Fixtures.INTERMEDIATE;
import static dev.cachet.verify.Fixtures.LATER;
import static dev.cachet.verify.Fixtures.ROOT;
import static dev.cachet.verify.Fixtures.SERVER;
import static dev.cachet.verify.VerdictScenarios.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChainVerifierTest {
    private static final ChainVerifier VERIFIER = new ChainVerifier(Clock.fixed(LATER, ZoneOffset.UTC));

    static Stream<Scenario> scenarios() {
        return Stream.of(VerdictScenarios.trusted(), VerdictScenarios.untrusted(), VerdictScenarios.invalidForUse(),
                IssuerScenarios.all()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachScenarioGivesItsVerdictAndMessage(Scenario scenario) {
        scenario.check(VERIFIER.verify(scenario.request()));
    }

    @Test
    void everyVerdictHasAScenario() {
        Set<Verdict> covered = scenarios().map(Scenario::verdict).collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Verdict.class));
    }

    @Test
    void everyVerdictHasAPhrase() {
        for (Verdict verdict : Verdict.values()) {
            assertThat(verdict.phrase()).as(verdict.name()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void aTrustedResultHoldsTheChainUpToTheAnchor() {
        VerificationResult result = VERIFIER.verify(request(SERVER, ROOT, INTERMEDIATE));

        assertThat(result.trusted()).isTrue();
        assertThat(result.chain()).containsExactly(SERVER, INTERMEDIATE, ROOT);
        assertThat(result.chainNames()).isEqualTo("example.org <- Test Intermediate CA <- Test Root CA");
    }

    @Test
    void aFailedResultHoldsTheChainAsFarAsItWasBuilt() {
        VerificationResult result = VERIFIER.verify(request(SERVER, INTERMEDIATE).withHost("example.com"));

        assertThat(result.trusted()).isFalse();
        assertThat(result.chain()).containsExactly(SERVER, INTERMEDIATE, ROOT);
    }

    @Test
    void aMismatchListsAFewOfManyNames() {
        GeneralName[] names = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> new GeneralName(GeneralName.dNSName, "n" + i + ".example")).toArray(GeneralName[]::new);
        X509Certificate leaf = Fixtures.jdk(Fixtures.leafOfIntermediate("n1.example").subjectAltNames(names).build());

        VerificationResult result = VERIFIER.verify(request(leaf, INTERMEDIATE).withHost("other.example"));

        assertThat(result.message()).isEqualTo("host name does not match: other.example is not covered; the "
                + "certificate names n1.example, n2.example, n3.example, n4.example, n5.example and 2 more "
                + "(CN=n1.example)");
    }

    @Test
    void withoutATimeTheClockDecides() {
        VerificationRequest request = request(SERVER, INTERMEDIATE);
        VerificationRequest now = new VerificationRequest(request.leaf(), request.untrusted(),
                request.trustAnchors(), Optional.empty(), Optional.empty(), Optional.empty());

        VerificationResult result = new ChainVerifier(Clock.fixed(Fixtures.NOW.plusSeconds(200 * 86_400L),
                ZoneOffset.UTC)).verify(now);

        assertThat(result.verdict()).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void theDefaultPurposeIsTlsServerOnlyWithAHost() {
        VerificationRequest request = request(SERVER);

        assertThat(request.effectivePurpose()).isEqualTo(Purpose.ANY);
        assertThat(request.withHost("example.org").effectivePurpose()).isEqualTo(Purpose.TLS_SERVER);
        assertThat(request.withHost("example.org").withPurpose(Purpose.TLS_CLIENT).effectivePurpose())
                .isEqualTo(Purpose.TLS_CLIENT);
    }
}
