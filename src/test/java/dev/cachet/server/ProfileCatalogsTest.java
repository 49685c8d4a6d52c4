package dev.cachet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.Profile;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.ca.Profiles;
import dev.cachet.core.CachetException;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TestCa;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/** The profiles of a server: the built-in ones, overridden and extended by the configuration. */
class ProfileCatalogsTest {

    @Test
    void withoutSettingsTheCatalogIsTheBuiltInOne() {
        assertThat(ProfileCatalogs.from(Map.of()).all()).isEqualTo(Profiles.all());
    }

    @Test
    void aBuiltInProfileCanBeShortenedAndKeepsTheRest() {
        ProfileCatalog catalog = ProfileCatalogs.from(Map.of("tls-server", validity(30)));

        Profile profile = catalog.require("tls-server");
        Profile builtIn = Profiles.require("tls-server");
        assertThat(profile.validityDays()).isEqualTo(30);
        assertThat(profile).isEqualTo(new Profile("tls-server", builtIn.description(), 30, builtIn.maxValidityDays(),
                builtIn.extendedKeyUsages(), true, false, builtIn.keyTypes()));
        assertThat(catalog.all()).hasSameSizeAs(Profiles.all());
    }

    @Test
    void aNewProfileStartsFromItsBaseAndComesAfterTheBuiltInOnes() {
        ProfileCatalog catalog = ProfileCatalogs.from(Map.of(
                "internal-1y", new ProfileSettings("tls-server-1y", "Internal services", null, null, null,
                        List.of("ec-p256", "ec-p384"), null),
                "mtls", new ProfileSettings("tls-client", null, 30, 60, List.of("clientAuth", "serverAuth"), null,
                        null),
                "plain", new ProfileSettings(null, null, null, null, null, null, null)));

        assertThat(catalog.all()).extracting(Profile::name).containsExactly("tls-server", "tls-server-1y",
                "tls-server-public", "tls-client", "short-lived", "internal-1y", "mtls", "plain");
        assertThat(catalog.require("internal-1y")).isEqualTo(new Profile("internal-1y", "Internal services", 365, 825,
                List.of(KeyPurposeId.id_kp_serverAuth), true, false, Set.of("ec-p256", "ec-p384")));
        assertThat(catalog.require("mtls")).isEqualTo(new Profile("mtls", Profiles.require("tls-client")
                .description(), 30, 60, List.of(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth), false,
                false, Profile.ALL_KEY_TYPES));
        Profile plain = catalog.require("plain");
        assertThat(plain.validityDays()).isEqualTo(90);
        assertThat(plain.extendedKeyUsages()).containsExactly(KeyPurposeId.id_kp_serverAuth);
    }

    @Test
    void anOverriddenProfileIsWhatTheIssuerUses() {
        TestCa ca = TestCa.create(KeyType.EC_P256, PkiFixtures.clock());
        Profile profile = ProfileCatalogs.from(Map.of("tls-server", validity(30))).require("tls-server");
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(new KeyPairFactory(new SecureRandom())
                .generate(KeyType.EC_P256).getPublic().getEncoded());

        X509CertificateHolder certificate = ca.issue(PkiFixtures.clock(), new IssuanceRequest(key,
                List.of(Identifier.dns("www.example.org")), Optional.empty(), profile, OptionalInt.empty()))
                .certificate();

        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())
                .plusSeconds(1)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void validityBeyondTheMaximumIsRefusedNamingTheKey() {
        assertRefused("tls-server", validity(500), "profiles.tls-server.validityDays must be between 1 and 398"
                + " (is 500)");
        assertRefused("x", validity(0), "profiles.x.validityDays must be between 1 and 398 (is 0)");
        assertRefused("x", new ProfileSettings("short-lived", null, 30, null, null, null, null),
                "profiles.x.validityDays must be between 1 and 10 (is 30)");
        assertRefused("x", new ProfileSettings(null, null, null, 30, null, null, null),
                "profiles.x.maxValidityDays must be at least the validity of tls-server, 90 days"
                        + " (is 30; or set validityDays as well)");
        assertRefused("x", new ProfileSettings(null, null, 1, 0, null, null, null),
                "profiles.x.maxValidityDays must be at least 1 (is 0)");
    }

    @Test
    void unknownUsagesKeyTypesAndBasesAreRefusedNamingTheKey() {
        assertRefused("x", usages(List.of("codeSigning")),
                "profiles.x.extendedKeyUsages may hold serverAuth and clientAuth only (is 'codeSigning')");
        assertRefused("x", usages(List.of()), "profiles.x.extendedKeyUsages must name serverAuth, clientAuth or both");
        assertRefused("x", keyTypes(List.of("ec-p256", "rsa-2048")),
                "profiles.x.keyTypes may hold ec-p256, ec-p384, ed25519, rsa only (is 'rsa-2048')");
        assertRefused("x", keyTypes(List.of()), "profiles.x.keyTypes must name at least one of ec-p256, ec-p384,"
                + " ed25519, rsa");
        assertRefused("x", new ProfileSettings("tls-server-2y", null, null, null, null, null, null),
                "profiles.x.base must name a built-in profile (is 'tls-server-2y'; known: tls-server, tls-server-1y,"
                        + " tls-server-public, tls-client, short-lived)");
        assertRefused("a b", validity(30), "profiles.a b is not a profile name (letters, digits, '.', '-', '_';"
                + " at most 63)");
    }

    @Test
    void publiclyTrustedProfilesAcceptRsaAndEcdsaOnly() {
        assertRefused("tls-server-public", keyTypes(List.of("ec-p256", "ed25519")),
                "profiles.tls-server-public.keyTypes must be among ec-p256, ec-p384, rsa in a publicly trusted"
                        + " profile (BR 6.1.5; is ec-p256, ed25519)");
        assertRefused("web", new ProfileSettings(null, null, null, null, null, null, true),
                "profiles.web.publicTrust needs keyTypes among ec-p256, ec-p384, rsa (BR 6.1.5; tls-server accepts"
                        + " ec-p256, ec-p384, ed25519, rsa)");
        assertThat(ProfileCatalogs.from(Map.of("web", new ProfileSettings(null, null, null, null, null,
                List.of("ec-p256"), true))).require("web").publicTrust()).isTrue();
    }

    private static void assertRefused(String name, ProfileSettings settings, String message) {
        assertThatThrownBy(() -> ProfileCatalogs.from(Map.of(name, settings)))
                .isInstanceOf(CachetException.class).hasMessage(message);
    }

    private static ProfileSettings validity(int days) {
        return new ProfileSettings(null, null, days, null, null, null, null);
    }

    private static ProfileSettings usages(List<String> usages) {
        return new ProfileSettings(null, null, null, null, usages, null, null);
    }

    private static ProfileSettings keyTypes(List<String> keyTypes) {
        return new ProfileSettings(null, null, null, null, null, keyTypes, null);
    }
}
