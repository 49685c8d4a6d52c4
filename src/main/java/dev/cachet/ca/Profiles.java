package dev.cachet.ca;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** The built-in certificate profiles. */
public final class Profiles {
    /** The default: a TLS server certificate valid 90 days, as Let's Encrypt issues. */
    public static final String DEFAULT = "tls-server";

    private static final List<KeyPurposeId> SERVER = List.of(KeyPurposeId.id_kp_serverAuth);
    private static final Map<String, Profile> BUILT_IN = index(
            new Profile(DEFAULT, "TLS server, 90 days (as Let's Encrypt)", 90, 398, SERVER, true, false),
            new Profile("tls-server-1y", "TLS server, one year (as classic CAs; for private trust)",
                    365, 825, SERVER, true, false),
            new Profile("tls-server-public", "TLS server under the CA/Browser Forum maximum in force",
                    PublicTrustValidity.MAX_DAYS_EVER, PublicTrustValidity.MAX_DAYS_EVER, SERVER, true, true),
            new Profile("tls-client", "TLS client authentication, 90 days",
                    90, 825, List.of(KeyPurposeId.id_kp_clientAuth), false, false),
            new Profile("short-lived", "TLS server, 7 days (no revocation needed in practice)",
                    7, 10, SERVER, true, false));

    private Profiles() {
    }

    /** @return the built-in profiles in display order */
    public static List<Profile> all() {
        return List.copyOf(BUILT_IN.values());
    }

    /**
     * Finds a profile by name.
     *
     * @param name the name
     * @return the profile, or empty
     */
    public static Optional<Profile> find(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    /**
     * Finds a profile by name, failing with the list of known names.
     *
     * @param name the name
     * @return the profile
     */
    public static Profile require(String name) {
        return find(name).orElseThrow(() -> new CachetException(ErrorType.POLICY,
                "unknown profile '" + name + "' (known: " + String.join(", ", BUILT_IN.keySet()) + ")"));
    }

    private static Map<String, Profile> index(Profile... profiles) {
        Map<String, Profile> map = new LinkedHashMap<>();
        for (Profile profile : profiles) {
            map.put(profile.name(), profile);
        }
        return map;
    }
}
