package dev.cachet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the configuration in layers: the defaults of {@code cachet-defaults.yaml}, then a YAML
 * file, then environment variables ({@code CACHET_} + the key path in upper snake case), then
 * command-line flags. Every error is one line naming the key and where its value came from.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    private static final String DEFAULTS = "/cachet-defaults.yaml";
    /** Keys whose value is a map of names chosen by the user: replaced whole, never merged key by key. */
    private static final java.util.Set<String> MAPS = java.util.Set.of("profiles", "acme.profiles");
    private static final String COMMAND_LINE = "command line";

    private ConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @param file a YAML file, or null for none
     * @param environment the process environment
     * @param overrides values from flags, by key path such as {@code database.url}
     * @return the checked configuration
     */
    public static CachetConfig load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        ObjectNode tree = defaults();
        ConfigOrigins origins = new ConfigOrigins(file == null ? "configuration" : file.toString());
        if (file != null) {
            merge(tree, readFile(file), "", file.toString(), origins);
        }
        applyEnvironment(tree, tree, "", environment, origins);
        overrides.forEach((path, value) -> {
            set(tree, path, value, COMMAND_LINE);
            origins.put(path, COMMAND_LINE);
        });
        CachetConfig config;
        try {
            config = YAML.treeToValue(tree, CachetConfig.class);
        } catch (JsonMappingException e) {
            throw ConfigErrors.binding(e, origins);
        } catch (JsonProcessingException e) {
            throw new CachetException(ErrorType.MALFORMED, origins.of("") + ": "
                    + ConfigErrors.oneLine(e.getOriginalMessage()), e);
        }
        ConfigValidator.check(config, origins);
        return config;
    }

    /**
     * The environment variable that overrides a key.
     *
     * @param path a key path such as {@code ca.passphraseFile}
     * @return such as {@code CACHET_CA_PASSPHRASE_FILE}
     */
    public static String environmentName(String path) {
        return "CACHET_" + path.replace(".", "_").replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in defaults", e);
        }
    }

    private static JsonNode readFile(Path file) {
        JsonNode node;
        try {
            node = YAML.readTree(PemDocument.readBytes(file));
        } catch (JsonProcessingException e) {
            throw ConfigErrors.syntax(file.toString(), e);
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return YAML.createObjectNode();
        }
        if (!node.isObject()) {
            throw new CachetException(ErrorType.MALFORMED, file + ": expected a mapping of keys such as"
                    + " 'listen: 127.0.0.1:8443', not " + (node.isArray() ? "a list" : "a single value"));
        }
        return node;
    }

    private static void merge(ObjectNode target, JsonNode source, String prefix, String origin,
            ConfigOrigins origins) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing == null) {
                throw new CachetException(ErrorType.MALFORMED, origin + ": unknown key '" + path + "'"
                        + known(target));
            }
            origins.put(path, origin);
            if (existing.isObject() && value.isNull()) {
                continue; // an empty section, such as "database:" with every key commented out
            }
            if (existing.isObject() && !value.isObject()) {
                throw new CachetException(ErrorType.MALFORMED, origin + ": " + path + " must be a mapping of keys"
                        + known(existing));
            }
            if (existing.isObject() && !MAPS.contains(path)) {
                merge((ObjectNode) existing, value, path + ".", origin, origins);
            } else if (MAPS.contains(path)) {
                target.set(field.getKey(), emptyForNull((ObjectNode) value));
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    /** A profile written as {@code name:} with nothing under it keeps its base's settings. */
    private static ObjectNode emptyForNull(ObjectNode profiles) {
        List<String> empty = new ArrayList<>();
        profiles.fields().forEachRemaining(p -> {
            if (p.getValue().isNull()) {
                empty.add(p.getKey());
            }
        });
        empty.forEach(name -> profiles.set(name, YAML.createObjectNode()));
        return profiles;
    }

    private static void applyEnvironment(ObjectNode root, JsonNode node, String prefix, Map<String, String> env,
            ConfigOrigins origins) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            String variable = environmentName(path);
            if (field.getValue().isObject() && !MAPS.contains(path)) {
                applyEnvironment(root, field.getValue(), path + ".", env, origins);
            } else if (!MAPS.contains(path) && env.containsKey(variable)) {
                set(root, path, env.get(variable), "environment variable " + variable);
                origins.put(path, "environment variable " + variable);
            }
        }
    }

    private static void set(ObjectNode root, String path, String value, String origin) {
        String[] keys = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (child == null || !child.isObject()) {
                throw new CachetException(ErrorType.MALFORMED, origin + ": unknown key '" + path + "'");
            }
            node = (ObjectNode) child;
        }
        JsonNode existing = node.get(keys[keys.length - 1]);
        if (existing == null || existing.isObject()) {
            throw new CachetException(ErrorType.MALFORMED, origin + ": unknown key '" + path + "'");
        }
        node.set(keys[keys.length - 1], value == null ? null : TextNode.valueOf(value));
    }

    private static String known(JsonNode section) {
        List<String> names = new ArrayList<>();
        section.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "" : " (known: " + String.join(", ", names) + ")";
    }
}
