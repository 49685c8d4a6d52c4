package dev.cachet.server;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.KeyType;

/** Checks a loaded configuration, naming the key and the rule it breaks. */
final class ConfigValidator {
    private static final int MIN_BODY = 1024;
    private static final int MAX_BODY = 10 << 20;
    /** BR 4.9.10: OCSP responses are valid for at least 8 hours and at most 10 days. */
    private static final int MIN_OCSP_HOURS = 8;
    private static final int MAX_OCSP_HOURS = 240;
    /** BR 4.9.7: a subordinate CA's CRL nextUpdate is at most 10 days after thisUpdate. */
    private static final int MAX_CRL_HOURS = 240;

    private ConfigValidator() {
    }

    static void check(CachetConfig config, String source) {
        if (config.data() == null || config.data().isBlank()) {
            throw invalid(source, "data", "must name a folder");
        }
        HostPort.parse(config.listen(), source + ": listen");
        HostPort.parse(config.httpListen(), source + ": httpListen");
        if (KeyType.fromId(config.ca().keyType()).isEmpty()) {
            throw invalid(source, "ca.keyType", "must be one of " + KeyType.ids());
        }
        range(source, "limits.maxBodyBytes", config.limits().maxBodyBytes(), MIN_BODY, MAX_BODY);
        CachetConfig.Revocation revocation = config.revocation();
        range(source, "revocation.crlValidityHours", revocation.crlValidityHours(), 1, MAX_CRL_HOURS);
        range(source, "revocation.crlRefreshHours", revocation.crlRefreshHours(), 1, revocation.crlValidityHours());
        // At most the shortest refresh interval, one hour (CrlSettings: reload <= refresh).
        range(source, "revocation.crlReloadSeconds", revocation.crlReloadSeconds(), 0, 3600);
        range(source, "revocation.ocspValidityHours", revocation.ocspValidityHours(), MIN_OCSP_HOURS, MAX_OCSP_HOURS);
        range(source, "revocation.ocspStatusMaxAgeSeconds", revocation.ocspStatusMaxAgeSeconds(), 0, 3600);
    }

    private static void range(String source, String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(source, key, "must be between " + min + " and " + max + " (is " + value + ")");
        }
    }

    private static CachetException invalid(String source, String key, String rule) {
        return new CachetException(ErrorType.MALFORMED, source + ": " + key + " " + rule);
    }
}
