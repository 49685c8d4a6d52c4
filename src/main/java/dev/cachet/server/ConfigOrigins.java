package dev.cachet.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each configuration value came from (a file, an environment variable, the command line),
 * so that a message about a bad value names the place to fix it.
 */
final class ConfigOrigins {
    private final Map<String, String> origins = new HashMap<>();
    private final String fallback;

    /**
     * Starts with no recorded origins.
     *
     * @param fallback the origin of values set nowhere else, such as the configuration file's name
     */
    ConfigOrigins(String fallback) {
        this.fallback = fallback;
    }

    /**
     * Records the origin of a value; a later layer replaces an earlier one.
     *
     * @param path the key path, such as {@code database.url}
     * @param origin such as {@code environment variable CACHET_DATABASE_URL}
     */
    void put(String path, String origin) {
        origins.put(path, origin);
    }

    /**
     * The origin of a value: that of the key itself or of the nearest section above it.
     *
     * @param path the key path, such as {@code profiles.internal.validityDays}
     * @return the origin, or the fallback
     */
    String of(String path) {
        String key = path;
        // Each step drops the last segment, so this ends after at most as many steps as there are dots.
        while (!origins.containsKey(key) && key.contains(".")) {
            key = key.substring(0, key.lastIndexOf('.'));
        }
        return origins.getOrDefault(key, fallback);
    }
}
