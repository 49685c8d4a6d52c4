package dev.cachet.server;

import dev.cachet.ca.Profile;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.ca.Profiles;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Builds the server's profiles: the built-in ones, overridden and extended by the configuration.
 * Every mistake is reported as one line naming the key, such as {@code profiles.internal.keyTypes}.
 */
final class ProfileCatalogs {
    private static final Map<String, KeyPurposeId> USAGES =
            Map.of("serverAuth", KeyPurposeId.id_kp_serverAuth, "clientAuth", KeyPurposeId.id_kp_clientAuth);
    /** BR 6.1.5: publicly trusted certificates certify RSA and ECDSA keys only. */
    private static final Set<String> PUBLIC_TRUST_KEYS = Set.of("rsa", "ec-p256", "ec-p384");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private ProfileCatalogs() {
    }

    /**
     * Builds the catalog.
     *
     * @param settings the configured profiles by name: a built-in name overrides that profile
     * @return the built-in profiles, then the new ones by name
     */
    static ProfileCatalog from(Map<String, ProfileSettings> settings) {
        List<Profile> profiles = new ArrayList<>(Profiles.all());
        new TreeMap<>(settings).forEach((name, setting) -> profiles.add(profile(name, setting)));
        return new ProfileCatalog(profiles);
    }

    private static Profile profile(String name, ProfileSettings s) {
        String key = "profiles." + name;
        if (!NAME.matcher(name).matches()) {
            throw invalid(key, "is not a profile name (letters, digits, '.', '-', '_'; at most 63)");
        }
        Profile base = base(name, s);
        int max = s.maxValidityDays() != null ? s.maxValidityDays() : base.maxValidityDays();
        int days = s.validityDays() != null ? s.validityDays() : base.validityDays();
        if (max < 1) {
            throw invalid(key + ".maxValidityDays", "must be at least 1 (is " + max + ")");
        }
        if (s.validityDays() == null && days > max) {
            throw invalid(key + ".maxValidityDays", "must be at least the validity of " + base.name() + ", "
                    + days + " days (is " + max + "; or set validityDays as well)");
        }
        if (days < 1 || days > max) {
            throw invalid(key + ".validityDays", "must be between 1 and " + max + " (is " + days + ")");
        }
        boolean publicTrust = s.publicTrust() != null ? s.publicTrust() : base.publicTrust();
        Set<String> keyTypes = s.keyTypes() != null ? keyTypes(key, s.keyTypes()) : base.keyTypes();
        if (publicTrust && !PUBLIC_TRUST_KEYS.containsAll(keyTypes)) {
            String webKeys = String.join(", ", new TreeSet<>(PUBLIC_TRUST_KEYS));
            throw s.keyTypes() != null
                    ? invalid(key + ".keyTypes", "must be among " + webKeys + " in a publicly trusted profile"
                            + " (BR 6.1.5; is " + String.join(", ", s.keyTypes()) + ")")
                    : invalid(key + ".publicTrust", "needs keyTypes among " + webKeys + " (BR 6.1.5; "
                            + base.name() + " accepts " + String.join(", ", new TreeSet<>(keyTypes)) + ")");
        }
        return new Profile(name, s.description() != null ? s.description() : base.description(), days, max,
                s.extendedKeyUsages() != null ? usages(key, s.extendedKeyUsages()) : base.extendedKeyUsages(),
                base.requiresHostNames(), publicTrust, keyTypes);
    }

    private static Profile base(String name, ProfileSettings s) {
        if (s.base() == null) {
            return Profiles.find(name).orElse(Profiles.require(Profiles.DEFAULT));
        }
        return Profiles.find(s.base()).orElseThrow(() -> invalid("profiles." + name + ".base",
                "must name a built-in profile (is '" + s.base() + "'; known: "
                        + String.join(", ", Profiles.all().stream().map(Profile::name).toArray(String[]::new))
                        + ")"));
    }

    private static List<KeyPurposeId> usages(String key, List<String> names) {
        if (names.isEmpty()) {
            throw invalid(key + ".extendedKeyUsages", "must name serverAuth, clientAuth or both");
        }
        Set<KeyPurposeId> usages = new LinkedHashSet<>();
        for (String usage : names) {
            KeyPurposeId id = USAGES.get(usage);
            if (id == null) {
                throw invalid(key + ".extendedKeyUsages", "may hold serverAuth and clientAuth only (is '"
                        + usage + "')");
            }
            usages.add(id);
        }
        return new ArrayList<>(usages);
    }

    private static Set<String> keyTypes(String key, List<String> names) {
        String known = String.join(", ", new TreeSet<>(Profile.ALL_KEY_TYPES));
        if (names.isEmpty()) {
            throw invalid(key + ".keyTypes", "must name at least one of " + known);
        }
        for (String type : names) {
            if (!Profile.ALL_KEY_TYPES.contains(type)) {
                throw invalid(key + ".keyTypes", "may hold " + known + " only (is '" + type + "')");
            }
        }
        return new LinkedHashSet<>(names);
    }

    private static CachetException invalid(String key, String rule) {
        return new CachetException(ErrorType.MALFORMED, key + " " + rule);
    }
}
