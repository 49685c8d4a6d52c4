package dev.cachet.server;

import dev.cachet.ca.Profile;
import dev.cachet.ca.ProfileCatalog;
import dev.cachet.ca.Profiles;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Builds the server's profiles: the built-in ones, overridden and extended by the configuration. */
final class ProfileCatalogs {
    private static final Map<String, KeyPurposeId> USAGES =
            Map.of("serverAuth", KeyPurposeId.id_kp_serverAuth, "clientAuth", KeyPurposeId.id_kp_clientAuth);

    private ProfileCatalogs() {
    }

    static ProfileCatalog from(Map<String, ProfileSettings> settings) {
        List<Profile> profiles = new ArrayList<>(Profiles.all());
        settings.forEach((name, setting) -> profiles.add(profile(name, setting)));
        return new ProfileCatalog(profiles);
    }

    private static Profile profile(String name, ProfileSettings s) {
        String baseName = s.base() != null ? s.base() : Profiles.find(name).map(Profile::name).orElse(Profiles.DEFAULT);
        Profile base = Profiles.find(baseName).orElseThrow(() -> invalid(name, "base '" + baseName + "' is unknown"));
        try {
            return new Profile(name, s.description() != null ? s.description() : base.description(),
                    s.validityDays() != null ? s.validityDays() : base.validityDays(),
                    s.maxValidityDays() != null ? s.maxValidityDays() : base.maxValidityDays(),
                    s.extendedKeyUsages() != null ? usages(name, s.extendedKeyUsages()) : base.extendedKeyUsages(),
                    base.requiresHostNames(),
                    s.publicTrust() != null ? s.publicTrust() : base.publicTrust(),
                    s.keyTypes() != null ? new HashSet<>(s.keyTypes()) : base.keyTypes());
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
    }

    private static List<KeyPurposeId> usages(String profile, List<String> names) {
        List<KeyPurposeId> usages = new ArrayList<>();
        for (String usage : names) {
            KeyPurposeId id = USAGES.get(usage);
            if (id == null) {
                throw invalid(profile, "extendedKeyUsages: '" + usage + "' is not serverAuth or clientAuth");
            }
            usages.add(id);
        }
        return usages;
    }

    private static CachetException invalid(String profile, String why) {
        return new CachetException(ErrorType.MALFORMED, "profiles." + profile + ": " + why);
    }
}
