package dev.cachet.ca;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A set of profiles by name, in display order. */
public final class ProfileCatalog {
    private final Map<String, Profile> profiles = new LinkedHashMap<>();

    /**
     * Creates a catalog.
     *
     * @param profiles the profiles; a later one replaces an earlier one of the same name
     */
    public ProfileCatalog(List<Profile> profiles) {
        profiles.forEach(p -> this.profiles.put(p.name(), p));
    }

    /** @return the profiles in display order */
    public List<Profile> all() {
        return List.copyOf(profiles.values());
    }

    /**
     * Finds a profile by name.
     *
     * @param name the name
     * @return the profile, or empty
     */
    public Optional<Profile> find(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /**
     * Finds a profile by name, failing with the list of known names.
     *
     * @param name the name
     * @return the profile
     */
    public Profile require(String name) {
        return find(name).orElseThrow(() -> new CachetException(ErrorType.POLICY,
                "unknown profile '" + name + "' (known: " + String.join(", ", profiles.keySet()) + ")"));
    }
}
