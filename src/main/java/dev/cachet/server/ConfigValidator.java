package dev.cachet.server;

import dev.cachet.ca.Profile;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.KeyType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/** Checks a loaded configuration, naming the key, the rule it breaks and where its value came from. */
final class ConfigValidator {
    private static final int MIN_BODY = 1024;
    private static final int MAX_BODY = 10 << 20;
    /** BR 4.9.10: OCSP responses are valid for at least 8 hours and at most 10 days. */
    private static final int MIN_OCSP_HOURS = 8;
    private static final int MAX_OCSP_HOURS = 240;
    /** BR 4.9.7: a subordinate CA's CRL nextUpdate is at most 10 days after thisUpdate. */
    private static final int MAX_CRL_HOURS = 240;
    private static final int MAX_STATUS_AGE_SECONDS = 3600;
    private static final int MAX_RATE_LIMIT = 1_000_000;
    private static final int MAX_RECOVERY_SECONDS = 86400;

    private ConfigValidator() {
    }

    static void check(CachetConfig config, ConfigOrigins origins) {
        if (config.data() == null || config.data().isBlank()) {
            throw invalid(origins, "data", "must name a folder");
        }
        HostPort.parse(config.listen(), origins.of("listen") + ": listen");
        HostPort.parse(config.httpListen(), origins.of("httpListen") + ": httpListen");
        url(origins, "publicUrl", config.publicUrl(), Set.of("https", "http"), "https://ca.example.org");
        // BR 7.1.2.7.7 and 7.1.2.11.2: the OCSP, CA issuers and CRL URLs in certificates are plain HTTP.
        url(origins, "baseUrl", config.baseUrl(), Set.of("http"), "http://ca.example.org");
        String database = config.database().url();
        if (database != null && !database.isBlank() && !database.startsWith("jdbc:")) {
            throw invalid(origins, "database.url",
                    "must be a JDBC URL such as jdbc:postgresql://db.example.org/cachet");
        }
        if (config.ca().name() == null || config.ca().name().isBlank()) {
            throw invalid(origins, "ca.name", "must not be empty");
        }
        if (config.ca().keyType() == null || KeyType.fromId(config.ca().keyType()).isEmpty()) {
            throw invalid(origins, "ca.keyType", "must be one of " + KeyType.ids() + " (is '"
                    + config.ca().keyType() + "')");
        }
        if (config.ca().pkcs11Config() != null && KeyType.ED25519.id().equals(config.ca().keyType())) {
            throw invalid(origins, "ca.keyType", "must be an EC or RSA type with ca.pkcs11Config (is 'ed25519')");
        }
        range(origins, "limits.maxBodyBytes", config.limits().maxBodyBytes(), MIN_BODY, MAX_BODY);
        CachetConfig.Revocation revocation = config.revocation();
        range(origins, "revocation.crlValidityHours", revocation.crlValidityHours(), 1, MAX_CRL_HOURS);
        range(origins, "revocation.crlRefreshHours", revocation.crlRefreshHours(), 1, revocation.crlValidityHours());
        // At most the shortest refresh interval, one hour (CrlSettings: reload <= refresh).
        range(origins, "revocation.crlReloadSeconds", revocation.crlReloadSeconds(), 0, 3600);
        range(origins, "revocation.ocspValidityHours", revocation.ocspValidityHours(), MIN_OCSP_HOURS,
                MAX_OCSP_HOURS);
        range(origins, "revocation.ocspStatusMaxAgeSeconds", revocation.ocspStatusMaxAgeSeconds(), 0,
                MAX_STATUS_AGE_SECONDS);
        rateLimits(config.acme().rateLimits(), origins);
        // A too-short grace is safe (recovery fences a slow issuance, which then fails) but fails issuances.
        range(origins, "recovery.graceSeconds", config.recovery().graceSeconds(), 1, MAX_RECOVERY_SECONDS);
        range(origins, "recovery.intervalSeconds", config.recovery().intervalSeconds(), 1, MAX_RECOVERY_SECONDS);
        profiles(config, origins);
        try {
            PolicyWiring.namePolicy(config.policy());
        } catch (CachetException e) {
            String key = e.getMessage().startsWith("policy.allowDomains") ? "policy.allowDomains"
                    : "policy.denyDomains";
            throw new CachetException(e.type(), origins.of(key) + ": " + e.getMessage(), e);
        }
        EmailConfigCheck.check(config, origins);
    }

    private static void rateLimits(RateLimitsConfig limits, ConfigOrigins origins) {
        String prefix = "acme.rateLimits.";
        range(origins, prefix + "newOrdersPerAccountPerHour", limits.newOrdersPerAccountPerHour(), 0, MAX_RATE_LIMIT);
        range(origins, prefix + "certificatesPerDomainPerWeek", limits.certificatesPerDomainPerWeek(), 0,
                MAX_RATE_LIMIT);
        range(origins, prefix + "failedValidationsPerAccountPerHostPerHour",
                limits.failedValidationsPerAccountPerHostPerHour(), 0, MAX_RATE_LIMIT);
        range(origins, prefix + "newAccountsPerIpPerHour", limits.newAccountsPerIpPerHour(), 0, MAX_RATE_LIMIT);
    }

    private static void profiles(CachetConfig config, ConfigOrigins origins) {
        ProfileCatalog catalog;
        try {
            catalog = ProfileCatalogs.from(config.profiles());
        } catch (CachetException e) {
            // Profiles come from the file only (no environment variable sets them).
            throw new CachetException(e.type(), origins.of("profiles") + ": " + e.getMessage(), e);
        }
        String name = config.ca().defaultProfile();
        if (name == null || catalog.find(name).isEmpty()) {
            throw invalid(origins, "ca.defaultProfile", "must name a profile (is '" + name + "'; known: "
                    + String.join(", ", catalog.all().stream().map(Profile::name).toArray(String[]::new)) + ")");
        }
    }

    private static void url(ConfigOrigins origins, String key, String value, Set<String> schemes, String example) {
        if (value == null) {
            return;
        }
        String rule = "must be an absolute " + String.join(" or ", schemes.stream().sorted().toArray(String[]::new))
                + " URL such as " + example + " (is '" + value + "')";
        try {
            URI uri = new URI(value);
            boolean ok = uri.getScheme() != null && schemes.contains(uri.getScheme()) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!ok) {
                throw invalid(origins, key, rule);
            }
        } catch (URISyntaxException e) {
            throw invalid(origins, key, rule);
        }
    }

    static void range(ConfigOrigins origins, String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(origins, key, "must be between " + min + " and " + max + " (is " + value + ")");
        }
    }

    static CachetException invalid(ConfigOrigins origins, String key, String rule) {
        return new CachetException(ErrorType.MALFORMED, origins.of(key) + ": " + key + " " + rule);
    }
}
