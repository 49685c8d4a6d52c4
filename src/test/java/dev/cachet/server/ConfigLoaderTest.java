package dev.cachet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The layers of the configuration: defaults, then a YAML file, then the environment, then flags. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsLoadAsDocumented() {
        CachetConfig config = ConfigLoader.load(null, Map.of(), Map.of());

        assertThat(config.data()).isEqualTo("cachet-data");
        assertThat(config.listen()).isEqualTo("127.0.0.1:8443");
        assertThat(config.httpListen()).isEqualTo("127.0.0.1:8080");
        assertThat(config.publicUrl()).isNull();
        assertThat(config.baseUrl()).isNull();
        assertThat(config.database()).isEqualTo(new CachetConfig.Database(null, null, null));
        assertThat(config.ca())
                .isEqualTo(new CachetConfig.Ca("Cachet Root CA", "ec-p256", null, "tls-server", null, null));
        assertThat(config.limits().maxBodyBytes()).isEqualTo(65536);
        assertThat(config.revocation()).isEqualTo(new CachetConfig.Revocation(168, 24, 60, 24, 5));
        assertThat(config.profiles()).isEmpty();
    }

    @Test
    void aFileOverridesTheDefaultsKeyByKey() throws IOException {
        Path file = yaml("listen: 0.0.0.0:9443\n"
                + "database:\n  url: jdbc:postgresql://db.example.org/cachet\n  user: cachet\n"
                + "ca:\n  passphraseFile: /etc/cachet/ca.pass\n"
                + "revocation:\n  ocspStatusMaxAgeSeconds: 60\n");

        CachetConfig config = ConfigLoader.load(file, Map.of(), Map.of());

        assertThat(config.listen()).isEqualTo("0.0.0.0:9443");
        assertThat(config.database()).isEqualTo(new CachetConfig.Database(
                "jdbc:postgresql://db.example.org/cachet", "cachet", null));
        assertThat(config.ca()).isEqualTo(new CachetConfig.Ca("Cachet Root CA", "ec-p256", "/etc/cachet/ca.pass",
                "tls-server", null, null));
        assertThat(config.revocation()).isEqualTo(new CachetConfig.Revocation(168, 24, 60, 24, 60));
        assertThat(config.httpListen()).isEqualTo("127.0.0.1:8080");
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        Path file = yaml("listen: 127.0.0.1:9443\ndatabase: {url: 'jdbc:h2:mem:file'}\n"
                + "revocation: {ocspStatusMaxAgeSeconds: 60}\nca: {passphraseFile: file.pass}\n");
        Map<String, String> env = Map.of("CACHET_LISTEN", "127.0.0.1:10443",
                "CACHET_DATABASE_URL", "jdbc:postgresql://db/cachet",
                "CACHET_REVOCATION_OCSP_STATUS_MAX_AGE_SECONDS", "30",
                "CACHET_CA_PASSPHRASE_FILE", "/run/secrets/ca.pass",
                "CACHET_JAR", "/not/a/key.jar", "PATH", "/usr/bin");

        CachetConfig config = ConfigLoader.load(file, env, Map.of());

        assertThat(config.listen()).isEqualTo("127.0.0.1:10443");
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db/cachet");
        assertThat(config.revocation().ocspStatusMaxAgeSeconds()).isEqualTo(30);
        assertThat(config.ca().passphraseFile()).isEqualTo("/run/secrets/ca.pass");
    }

    @Test
    void flagsOverrideTheEnvironment() throws IOException {
        Path file = yaml("data: from-file\n");
        Map<String, String> env = Map.of("CACHET_LISTEN", "127.0.0.1:10443", "CACHET_DATA", "from-env");

        CachetConfig config = ConfigLoader.load(file, env, Map.of("listen", "127.0.0.1:11443", "data", "from-flag",
                "database.url", "jdbc:h2:mem:flag"));

        assertThat(config.listen()).isEqualTo("127.0.0.1:11443");
        assertThat(config.data()).isEqualTo("from-flag");
        assertThat(config.database().url()).isEqualTo("jdbc:h2:mem:flag");
    }

    @ParameterizedTest
    @CsvSource({"data, CACHET_DATA", "httpListen, CACHET_HTTP_LISTEN", "database.url, CACHET_DATABASE_URL",
        "database.passwordFile, CACHET_DATABASE_PASSWORD_FILE", "ca.passphraseFile, CACHET_CA_PASSPHRASE_FILE",
        "limits.maxBodyBytes, CACHET_LIMITS_MAX_BODY_BYTES",
        "revocation.ocspStatusMaxAgeSeconds, CACHET_REVOCATION_OCSP_STATUS_MAX_AGE_SECONDS"})
    void environmentVariablesAreTheKeyPathInUpperSnakeCase(String path, String variable) {
        assertThat(ConfigLoader.environmentName(path)).isEqualTo(variable);
    }

    @Test
    void anEmptyFileOrOneOfCommentsOrEmptySectionsChangesNothing() throws IOException {
        CachetConfig defaults = ConfigLoader.load(null, Map.of(), Map.of());

        assertThat(ConfigLoader.load(yaml(""), Map.of(), Map.of())).isEqualTo(defaults);
        assertThat(ConfigLoader.load(yaml("# all defaults\n"), Map.of(), Map.of())).isEqualTo(defaults);
        assertThat(ConfigLoader.load(yaml("database:\n  # url: jdbc:postgresql://db/cachet\nprofiles:\n"),
                Map.of(), Map.of())).isEqualTo(defaults);
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() throws IOException {
        Path list = yaml("- listen\n- 127.0.0.1:8443\n");
        Path scalar = yaml("listen 127.0.0.1:8443\n");

        assertFails(list, list + ": expected a mapping of keys such as 'listen: 127.0.0.1:8443', not a list");
        assertFails(scalar, scalar + ": expected a mapping of keys such as 'listen: 127.0.0.1:8443', not a single"
                + " value");
    }

    @Test
    void brokenYamlIsOneLineWithItsPlace() throws IOException {
        Path broken = yaml("listen: 127.0.0.1:8443\nlimits: {maxBodyBytes: 1024\n");
        Path twice = yaml("listen: 127.0.0.1:8443\nlisten: 127.0.0.1:9443\n");

        assertFails(broken, broken + ": not valid YAML at line 2, column 28: while parsing a flow mapping;"
                + " expected ',' or '}', but got <stream end>");
        assertFails(twice, twice + ": not valid YAML at line 2, column 7: Duplicate field 'listen'");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of(), Map.of()))
                .isInstanceOf(CachetException.class).hasMessage(missing + ": no such file")
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.NOT_FOUND));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        lstn: 127.0.0.1:8443                 | unknown key 'lstn' (known: data, listen, httpListen, publicUrl, \
        baseUrl, database, ca, limits, revocation, acme, validation, policy, recovery, profiles, smtp, enrolment)
        limits: {maxBodyByte: 5}             | unknown key 'limits.maxBodyByte' (known: maxBodyBytes)
        limits: 5                            | limits must be a mapping of keys (known: maxBodyBytes)
        limits: {maxBodyBytes: lots}         | limits.maxBodyBytes must be a whole number (is 'lots')
        limits: {maxBodyBytes: ~}            | limits.maxBodyBytes must be a whole number
        limits: {maxBodyBytes: 100}          | limits.maxBodyBytes must be between 1024 and 10485760 (is 100)
        revocation: {ocspValidityHours: 2.5} | revocation.ocspValidityHours must be a whole number (is '2.5')
        revocation: {ocspValidityHours: 7}   | revocation.ocspValidityHours must be between 8 and 240 (is 7)
        revocation: {ocspValidityHours: 241} | revocation.ocspValidityHours must be between 8 and 240 (is 241)
        revocation: {crlValidityHours: 241}  | revocation.crlValidityHours must be between 1 and 240 (is 241)
        revocation: {crlRefreshHours: 200}   | revocation.crlRefreshHours must be between 1 and 168 (is 200)
        revocation: {ocspStatusMaxAgeSeconds: -1} | revocation.ocspStatusMaxAgeSeconds must be between 0 and 3600 \
        (is -1)
        listen: {host: 127.0.0.1}            | listen must be text
        listen: 8443                         | listen: '8443' is not HOST:PORT (e.g. 127.0.0.1:8443 or [::1]:8443)
        listen: '::1:8443'                   | listen: '::1:8443' is not HOST:PORT (e.g. 127.0.0.1:8443 or [::1]:8443)
        httpListen: 'my host:80'             | httpListen: 'my host:80' is not HOST:PORT (e.g. 127.0.0.1:8443 or \
        [::1]:8443)
        httpListen: 127.0.0.1:65536          | httpListen: '127.0.0.1:65536' is not HOST:PORT (e.g. 127.0.0.1:8443 \
        or [::1]:8443)
        data: ''                             | data must name a folder
        publicUrl: ca.example.org            | publicUrl must be an absolute http or https URL such as \
        https://ca.example.org (is 'ca.example.org')
        baseUrl: https://ca.example.org      | baseUrl must be an absolute http URL such as http://ca.example.org \
        (is 'https://ca.example.org')
        database: {url: 'postgres://db/x'}   | database.url must be a JDBC URL such as \
        jdbc:postgresql://db.example.org/cachet
        ca: {keyType: dsa}                   | ca.keyType must be one of ec-p256, ec-p384, rsa-2048, rsa-3072, \
        rsa-4096, ed25519 (is 'dsa')
        ca: {name: ''}                       | ca.name must not be empty
        ca: {defaultProfile: tls}            | ca.defaultProfile must name a profile (is 'tls'; known: tls-server, \
        tls-server-1y, tls-server-public, tls-client, short-lived)
        profiles: [tls-server]               | profiles must be a mapping of keys
        profiles: {x: {validityDays: 500}}   | profiles.x.validityDays must be between 1 and 398 (is 500)
        profiles: {x: {validityDays: abc}}   | profiles.x.validityDays must be a whole number (is 'abc')
        profiles: {x: {keyTypes: [dsa]}}     | profiles.x.keyTypes may hold ec-p256, ec-p384, ed25519, rsa only \
        (is 'dsa')
        profiles: {x: {extendedKeyUsages: [codeSigning]}} | profiles.x.extendedKeyUsages may hold serverAuth and \
        clientAuth only (is 'codeSigning')
        profiles: {x: {days: 5}}             | unknown key 'profiles.x.days' (known: base, description, \
        extendedKeyUsages, keyTypes, maxValidityDays, publicTrust, validityDays)
        policy: {denyDomains: [exa mple]}    | policy.denyDomains: 'exa mple' is not a domain name or IP address \
        (invalid name 'exa mple': label 'exa mple' is not letters, digits and inner hyphens (1 to 63))
        """)
    void everyMistakeIsOneLineNamingTheFileAndTheKey(String yaml, String message) throws IOException {
        Path file = yaml(yaml + "\n");

        assertFails(file, file + ": " + message);
    }

    @Test
    void rateLimitsHaveLetsEncryptsDefaultsAndZeroTurnsOneOff() {
        assertThat(ConfigLoader.load(null, Map.of(), Map.of()).acme().rateLimits())
                .isEqualTo(new RateLimitsConfig(300, 500, 5, 50, false));
        CachetConfig changed = ConfigLoader.load(null, Map.of("CACHET_ACME_RATE_LIMITS_NEW_ORDERS_PER_ACCOUNT_PER_HOUR",
                "0", "CACHET_ACME_RATE_LIMITS_TRUST_FORWARDED_FOR", "true"), Map.of());

        assertThat(changed.acme().rateLimits()).isEqualTo(new RateLimitsConfig(0, 500, 5, 50, true));
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of(
                "acme.rateLimits.newAccountsPerIpPerHour", "-1"))).hasMessage("command line:"
                        + " acme.rateLimits.newAccountsPerIpPerHour must be between 0 and 1000000 (is -1)");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() throws IOException {
        Path file = yaml("listen: 127.0.0.1:9443\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("CACHET_LIMITS_MAX_BODY_BYTES", "64k"), Map.of()))
                .hasMessage("environment variable CACHET_LIMITS_MAX_BODY_BYTES: limits.maxBodyBytes must be a whole"
                        + " number (is '64k')");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("CACHET_REVOCATION_OCSP_VALIDITY_HOURS", "4"),
                Map.of())).hasMessage("environment variable CACHET_REVOCATION_OCSP_VALIDITY_HOURS:"
                        + " revocation.ocspValidityHours must be between 8 and 240 (is 4)");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("CACHET_LISTEN", "localhost"), Map.of()))
                .hasMessage("environment variable CACHET_LISTEN: listen: 'localhost' is not HOST:PORT"
                        + " (e.g. 127.0.0.1:8443 or [::1]:8443)");
    }

    @Test
    void aBadFlagNamesTheCommandLine() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("httpListen", "127.0.0.1")))
                .hasMessage("command line: httpListen: '127.0.0.1' is not HOST:PORT"
                        + " (e.g. 127.0.0.1:8443 or [::1]:8443)");
    }

    @Test
    void listenAddressesMayBeNamesAndBracketedIpv6() throws IOException {
        CachetConfig config = ConfigLoader.load(yaml("listen: '[::1]:0'\nhttpListen: localhost:8080\n"), Map.of(),
                Map.of());

        assertThat(HostPort.parse(config.listen(), "listen")).isEqualTo(new HostPort("::1", 0));
        assertThat(HostPort.parse(config.httpListen(), "httpListen").authority()).isEqualTo("localhost:8080");
        assertThat(new HostPort("::1", 8443).authority()).isEqualTo("[::1]:8443");
    }

    @Test
    void profilesAreReadFromTheFileAndAProfileWithNothingUnderItIsAllowed() throws IOException {
        Path file = yaml("profiles:\n  tls-server: {validityDays: 30}\n"
                + "  internal-1y: {base: tls-server-1y, keyTypes: [ec-p256, ec-p384]}\n  copy:\n");

        CachetConfig config = ConfigLoader.load(file, Map.of(), Map.of());

        assertThat(config.profiles()).containsOnlyKeys("tls-server", "internal-1y", "copy");
        assertThat(config.profiles().get("tls-server").validityDays()).isEqualTo(30);
        assertThat(config.profiles().get("internal-1y").base()).isEqualTo("tls-server-1y");
        assertThat(config.profiles().get("copy")).isEqualTo(new ProfileSettings(null, null, null, null, null, null,
                null));
    }

    private void assertFails(Path file, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .isInstanceOf(CachetException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.MALFORMED));
    }

    private Path yaml(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "cachet", ".yaml"), text);
    }
}
