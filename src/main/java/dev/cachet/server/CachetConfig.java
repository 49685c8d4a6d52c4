package dev.cachet.server;

import java.util.Map;

/**
 * The server's configuration, as read from {@code cachet-defaults.yaml}, a YAML file, the
 * environment and flags (see {@link ConfigLoader}). Optional values are null here and resolved
 * by the accessors of the records that use them.
 *
 * @param data the data folder
 * @param listen HOST:PORT of the HTTPS listener
 * @param httpListen HOST:PORT of the plain HTTP listener
 * @param publicUrl external URL of the HTTPS listener, or null for https://listen
 * @param baseUrl external URL of the plain HTTP listener, or null for http://httpListen
 * @param database the database
 * @param ca the CA created on first start
 * @param limits request limits
 * @param revocation CRL and OCSP timing
 * @param acme the ACME server
 * @param validation how challenges and CAA are checked
 * @param profiles profile overrides and additions
 * @param smtp the SMTP server of validation mails and notices
 * @param enrolment certificate requests validated by e-mail
 * @param policy which names and keys are certified
 * @param recovery crash recovery of issuances and orders
 */
public record CachetConfig(String data, String listen, String httpListen, String publicUrl, String baseUrl,
        Database database, Ca ca, Limits limits, Revocation revocation, AcmeConfig acme,
        ValidationConfig validation, Map<String, ProfileSettings> profiles, SmtpConfig smtp,
        EnrolmentConfig enrolment, PolicyConfig policy, Recovery recovery) {

    /** Copies the profiles. */
    public CachetConfig {
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    }

    /**
     * The database.
     *
     * @param url a JDBC URL, or null for H2 in the data folder
     * @param user the user, or null
     * @param passwordFile a file holding the password, or null
     */
    public record Database(String url, String user, String passwordFile) {
    }

    /**
     * The CA of the data folder.
     *
     * @param name the root's common name, used on first start
     * @param keyType the CA key type, used on first start
     * @param passphraseFile a file holding the CA key passphrase, or null
     * @param defaultProfile the profile used when a request names none
     * @param pkcs11Config a SunPKCS11 configuration file: the CA keys are created in its token, or null
     * @param pinFile a file holding the token's PIN, or null
     */
    public record Ca(String name, String keyType, String passphraseFile, String defaultProfile, String pkcs11Config,
            String pinFile) {
    }

    /**
     * Request limits.
     *
     * @param maxBodyBytes the largest request body accepted
     */
    public record Limits(int maxBodyBytes) {
    }

    /**
     * Revocation timing.
     *
     * @param crlValidityHours hours from thisUpdate to nextUpdate
     * @param crlRefreshHours a CRL older than this is replaced
     * @param crlReloadSeconds how long a CRL is served before the database is asked for a newer one
     * @param ocspValidityHours hours from thisUpdate to nextUpdate of OCSP responses
     * @param ocspStatusMaxAgeSeconds how long a cached status may be served without asking the database
     */
    public record Revocation(int crlValidityHours, int crlRefreshHours, int crlReloadSeconds, int ocspValidityHours,
            int ocspStatusMaxAgeSeconds) {
    }

    /**
     * Crash recovery: reservations without a stored certificate and orders left processing.
     *
     * @param graceSeconds how old such a leftover must be before it is settled (and before
     *     {@code cachet db check} calls it a problem)
     * @param intervalSeconds how often each instance looks for leftovers (and once at start)
     */
    public record Recovery(int graceSeconds, int intervalSeconds) {
    }
}
