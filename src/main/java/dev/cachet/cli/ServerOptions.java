package dev.cachet.cli;

import dev.cachet.server.CachetConfig;
import dev.cachet.server.ConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options that locate a Cachet instance's configuration, data folder and database. */
final class ServerOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "A YAML configuration file.")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: ./cachet-data).")
    String data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Use this database instead of the embedded H2 (e.g. jdbc:postgresql://host/cachet).")
    String database;

    /**
     * Loads the configuration with these options on top.
     *
     * @param more further overrides by key path
     * @return the configuration
     */
    CachetConfig load(Map<String, String> more) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (data != null) {
            overrides.put("data", data);
        }
        if (database != null) {
            overrides.put("database.url", database);
        }
        overrides.putAll(more);
        return ConfigLoader.load(config, System.getenv(), overrides);
    }
}
