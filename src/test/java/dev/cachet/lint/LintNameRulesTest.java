package dev.cachet.lint;

import static dev.cachet.lint.LintFixtures.NOW;
import static dev.cachet.lint.LintFixtures.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules about names and the public-trust validity, broken one at a time. */
class LintNameRulesTest {
    private static final Instant NOT_BEFORE = NOW.minus(Duration.ofHours(1));

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenNames")
    void eachNameRuleRefusesTheLeafThatBreaksIt(String name, LintCase broken) {
        broken.assertRefused();
    }

    static Stream<Arguments> brokenNames() {
        return Stream.of(
                LintCase.of("subject_alt_name", "no subjectAltName extension",
                        b -> b.without(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName)),
                LintCase.of("subject_alt_name", "must be critical when the subject is empty",
                        b -> b.subject(new X500Name(new RDN[0]))),
                LintCase.of("subject_alt_name_entries", "holds only dNSName and iPAddress entries",
                        b -> b.subjectAltNames(dns("www.example.com"),
                                new GeneralName(GeneralName.rfc822Name, "admin@example.com"))),
                LintCase.of("subject_alt_name_entries", "malformed entry", b -> b.subjectAltNames(
                        dns("www.example.com"), dns("exa mple.com"))),
                LintCase.of("subject_alt_name_entries", "malformed entry", b -> b.subjectAltNames(
                        dns("www.example.com"), new GeneralName(GeneralName.iPAddress,
                                new DEROctetString(new byte[5])))),
                LintCase.of("subject_alt_name_entries", "is not a valid IDNA A-label", b -> b.subjectAltNames(
                        dns("www.example.com"), dns("xn--zz-zzzzzzzz.example.com"))),
                LintCase.of("subject_alt_name_entries", "appears twice", b -> b.subjectAltNames(
                        dns("www.example.com"), dns("WWW.example.com"))),
                LintCase.of("common_name", "is not among the subjectAltNames",
                        b -> b.subject(new X500Name("CN=other.example.com"))),
                LintCase.of("common_name", "more than one common name",
                        b -> b.subject(new X500Name("CN=www.example.com,CN=example.com"))),
                LintCase.of("common_name", "is not a copy of its dNSName",
                        b -> b.subject(new X500Name("CN=WWW.example.com"))),
                LintCase.of("public_trust_validity", "exceeds the CA/Browser Forum maximum of 200 days in force on"
                        + " 2026-11-27 (BR 6.3.2)", new LintContext(398, true, true, NOW.plus(Duration.ofDays(999)),
                        NOW), b -> b.validity(NOT_BEFORE, NOT_BEFORE.plus(Duration.ofDays(250)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("internalNames")
    void publicTrustRefusesInternalNamesAndReservedAddressesThatPrivateProfilesMayCertify(String name,
            LintCase broken) {
        broken.assertRefused();
        broken.assertAcceptedIn(LintFixtures.PRIVATE);
    }

    static Stream<Arguments> internalNames() {
        return Stream.of(internal("host.test", "is an internal name (under .test)"),
                internal("printer.local", "is an internal name (under .local)"),
                internal("db.internal", "is an internal name (under .internal)"),
                internal("intranet", "is an internal name (no public top-level domain)"),
                internal("server.corp", "is an internal name (no public top-level domain)"),
                LintCase.of("internal_names", "10.1.2.3 is a reserved (private) address",
                        b -> b.subjectAltNames(dns("www.example.com"), new GeneralName(GeneralName.iPAddress,
                                "10.1.2.3"))),
                LintCase.of("internal_names", "is a reserved (documentation) address",
                        b -> b.subjectAltNames(dns("www.example.com"), new GeneralName(GeneralName.iPAddress,
                                "2001:db8::1"))),
                LintCase.of("public_trust_validity", "exceeds the CA/Browser Forum maximum",
                        new LintContext(398, true, true, NOW.plus(Duration.ofDays(999)), NOW),
                        b -> b.validity(NOT_BEFORE, NOT_BEFORE.plus(Duration.ofDays(250)))));
    }

    private static Arguments internal(String name, String message) {
        return LintCase.of("internal_names", name + " " + message,
                b -> b.subjectAltNames(dns("www.example.com"), dns(name)));
    }
}
