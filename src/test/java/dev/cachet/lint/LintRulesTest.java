package dev.cachet.lint;

import static dev.cachet.lint.LintFixtures.NOW;
import static dev.cachet.lint.LintFixtures.PUBLIC;
import static dev.cachet.lint.LintFixtures.dns;
import static dev.cachet.lint.LintFixtures.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each structural rule of RFC 5280 and the Baseline Requirements, broken one at a time. */
class LintRulesTest {
    private static final Instant NOT_BEFORE = NOW.minus(Duration.ofHours(1));

    @Test
    void theGoodLeafPassesEveryRuleInBothContexts() {
        assertThat(Linter.subscriberRules().findings(LintFixtures.goodLeaf().build(), PUBLIC)).isEmpty();
        assertThat(Linter.subscriberRules().findings(LintFixtures.goodLeaf().build(), LintFixtures.PRIVATE))
                .isEmpty();
    }

    @Test
    void anRsaKeyMayAlsoEncipherAndAFindingStopsTheSignature() {
        var rsa = LintFixtures.leaf(new KeyPairFactory(new SecureRandom()).generate(KeyType.RSA_2048))
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment).build();
        assertThat(Linter.subscriberRules().findings(rsa, PUBLIC)).isEmpty();

        var ec = LintFixtures.goodLeaf().keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment).build();
        assertThatThrownBy(() -> Linter.subscriberRules().require(ec, PUBLIC))
                .isInstanceOfSatisfying(CachetException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.POLICY))
                .hasMessage("not signed, lint failed: key_usage: key usages beyond what a EC key may do"
                        + " (digitalSignature, keyAgreement)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLeaves")
    void eachRuleRefusesTheLeafThatBreaksIt(String name, LintCase broken) {
        broken.assertRefused();
    }

    static Stream<Arguments> brokenLeaves() {
        return Stream.of(
                LintCase.of("serial_number", "must be positive", b -> b.serial(BigInteger.valueOf(-5))),
                LintCase.of("serial_number", "longer than 20 octets", b -> b.serial(BigInteger.ONE.shiftLeft(160))),
                LintCase.of("serial_number", "fewer than 64 bits", b -> b.serial(BigInteger.valueOf(12_345))),
                LintCase.of("validity", "notAfter is not after notBefore",
                        b -> b.validity(NOT_BEFORE, NOT_BEFORE.minusSeconds(1))),
                LintCase.of("validity", "exceeds the maximum of 200", b -> b.validity(NOT_BEFORE,
                        NOT_BEFORE.plus(Duration.ofDays(201)))),
                LintCase.of("validity", "backdated by more than one hour", b -> b.validity(NOW.minus(
                        Duration.ofDays(2)), NOW.plus(Duration.ofDays(30)))),
                LintCase.of("validity", "would outlive its issuer", new LintContext(398, true, false,
                        NOW.plus(Duration.ofDays(10)), NOW), b -> b),
                LintCase.of("leaf_constraints", "must not be a CA",
                        b -> b.extension(Extension.basicConstraints, true, new BasicConstraints(true))),
                LintCase.of("key_usage", "must be present and critical", b -> b.without(Extension.keyUsage)),
                LintCase.of("key_usage", "must be present and critical", b -> b.extension(Extension.keyUsage, false,
                        new KeyUsage(KeyUsage.digitalSignature))),
                LintCase.of("key_usage", "must not have keyCertSign or cRLSign",
                        b -> b.keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign)),
                LintCase.of("key_usage", "digitalSignature is missing", b -> b.keyUsage(KeyUsage.keyAgreement)),
                LintCase.of("key_usage", "beyond what a EC key may do",
                        b -> b.keyUsage(KeyUsage.digitalSignature | KeyUsage.dataEncipherment)),
                LintCase.of("extended_key_usage", "extendedKeyUsage is missing",
                        b -> b.without(Extension.extendedKeyUsage)),
                LintCase.of("extended_key_usage", "must not be critical", b -> b.extension(
                        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))),
                LintCase.of("extended_key_usage", "is not allowed", b -> b.extension(Extension.extendedKeyUsage,
                        false, new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth,
                            KeyPurposeId.id_kp_codeSigning}))),
                LintCase.of("extended_key_usage", "is not allowed", b -> b.extension(Extension.extendedKeyUsage,
                        false, new ExtendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage))),
                LintCase.of("extended_key_usage", "needs serverAuth", b -> b.extension(Extension.extendedKeyUsage,
                        false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))),
                LintCase.of("critical_extensions", "extension 1.3.6.1.4.1.55555.1 must not be critical",
                        b -> b.extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true, DERNull.INSTANCE)),
                LintCase.of("critical_extensions", "extension 2.5.29.31 must not be critical",
                        b -> b.extension(Extension.cRLDistributionPoints, true,
                                LintFixtures.crl(uri("http://ca.example.com/ca.crl")))),
                LintCase.of("authority_key_identifier", "must be present",
                        b -> b.without(Extension.authorityKeyIdentifier)),
                LintCase.of("revocation_pointers", "needs authorityInformationAccess",
                        b -> b.without(Extension.authorityInfoAccess)),
                LintCase.of("revocation_pointers", "plain HTTP URLs only", b -> b.extension(
                        Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                                AccessDescription.id_ad_ocsp, uri("https://ca.example.com/ocsp")))),
                LintCase.of("revocation_pointers", "needs a cRLDistributionPoints URL",
                        b -> b.without(Extension.cRLDistributionPoints)),
                LintCase.of("revocation_pointers", "full name of plain HTTP URLs", b -> b.extension(
                        Extension.cRLDistributionPoints, false, LintFixtures.crl(dns("ca.example.com")))),
                LintCase.of("certificate_policies", "found 0", b -> b.without(Extension.certificatePolicies)),
                LintCase.of("certificate_policies", "found 2", b -> b.extension(Extension.certificatePolicies,
                        false, LintFixtures.policies("2.23.140.1.2.1", "2.23.140.1.2.2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicTrustOnly")
    void publicTrustRulesLeavePrivateProfilesAlone(String name, LintCase broken) {
        broken.assertRefused();
        broken.assertAcceptedIn(LintFixtures.PRIVATE);
    }

    static Stream<Arguments> publicTrustOnly() {
        return Stream.of(
                LintCase.of("revocation_pointers", "needs authorityInformationAccess",
                        b -> b.without(Extension.authorityInfoAccess)),
                LintCase.of("revocation_pointers", "needs a cRLDistributionPoints URL",
                        b -> b.without(Extension.cRLDistributionPoints)),
                LintCase.of("certificate_policies", "found 0", b -> b.without(Extension.certificatePolicies)));
    }
}
