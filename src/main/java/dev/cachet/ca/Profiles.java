package dev.cachet.ca;

import dev.cachet.policy.PublicTrustValidity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** The built-in certificate profiles; a server may override them from its configuration. */
public final class Profiles {
    /** The default: a TLS server certificate valid 90 days, as Let's Encrypt issues. */
    public static final String DEFAULT = "tls-server";

    private static final List<KeyPurposeId> SERVER = List.of(KeyPurposeId.id_kp_serverAuth);
    private static final List<KeyPurposeId> CLIENT = List.of(KeyPurposeId.id_kp_clientAuth);
    /** Browsers do not accept Ed25519 certificates, and BR 6.1.5 allows only RSA and ECDSA. */
    private static final Set<String> WEB_KEYS = Set.of("rsa", "ec-p256", "ec-p384");
    private static final Set<String> ANY_KEY = Profile.ALL_KEY_TYPES;
    private static final ProfileCatalog BUILT_IN = new ProfileCatalog(List.of(
            new Profile(DEFAULT, "TLS server, 90 days (as Let's Encrypt)", 90, 398, SERVER, true, false, ANY_KEY),
            new Profile("tls-server-1y", "TLS server, one year (as classic CAs; for private trust)",
                    365, 825, SERVER, true, false, ANY_KEY),
            new Profile("tls-server-public", "TLS server under the CA/Browser Forum maximum in force",
                    PublicTrustValidity.MAX_DAYS_EVER, PublicTrustValidity.MAX_DAYS_EVER, SERVER, true, true,
                    WEB_KEYS),
            new Profile("tls-client", "TLS client authentication, 90 days", 90, 825, CLIENT, false, false, ANY_KEY),
            new Profile("short-lived", "TLS server, 7 days (no revocation needed in practice)",
                    7, 10, SERVER, true, false, ANY_KEY)));

    private Profiles() {
    }

    /** @return the built-in profiles */
    public static ProfileCatalog builtIn() {
        return BUILT_IN;
    }

    /** @return the built-in profiles in display order */
    public static List<Profile> all() {
        return BUILT_IN.all();
    }

    /**
     * Finds a built-in profile by name.
     *
     * @param name the name
     * @return the profile, or empty
     */
    public static Optional<Profile> find(String name) {
        return BUILT_IN.find(name);
    }

    /**
     * Finds a built-in profile by name, failing with the list of known names.
     *
     * @param name the name
     * @return the profile
     */
    public static Profile require(String name) {
        return BUILT_IN.require(name);
    }
}
