package dev.cachet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the configuration in layers: the defaults of {@code cachet-defaults.yaml}, then a YAML
 * file, then environment variables ({@code CACHET_} + the key path in upper snake case), then
 * command-line flags. Unknown keys are errors, named with their path.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    /** Keys whose value is a map of names chosen by the user: replaced whole, never merged key by key. */
    private static final java.util.Set<String> MAPS = java.util.Set.of("profiles", "acme.profiles");
    private static final String DEFAULTS = "/cachet-defaults.yaml";

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
        String source = file == null ? "configuration" : file.toString();
        if (file != null) {
            merge(tree, readFile(file), "");
        }
        applyEnvironment(tree, tree, "", environment);
        overrides.forEach((path, value) -> set(tree, path, value));
        try {
            CachetConfig config = YAML.treeToValue(tree, CachetConfig.class);
            ConfigValidator.check(config, source);
            return config;
        } catch (UnrecognizedPropertyException e) {
            throw new CachetException(ErrorType.MALFORMED, source + ": unknown key '" + e.getPropertyName() + "'", e);
        } catch (JsonProcessingException e) {
            throw new CachetException(ErrorType.MALFORMED, source + ": " + e.getOriginalMessage(), e);
        }
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
        try {
            JsonNode node = YAML.readTree(PemDocument.readBytes(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new CachetException(ErrorType.MALFORMED, file + ": expected a YAML mapping of keys");
            }
            return node;
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException
                    ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
            throw new CachetException(ErrorType.MALFORMED, file + ": not valid YAML (" + message + ")", e);
        }
    }

    private static void merge(ObjectNode target, JsonNode source, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw new CachetException(ErrorType.MALFORMED, "unknown configuration key '" + path + "'");
            }
            boolean nested = existing.isObject() && field.getValue().isObject() && !MAPS.contains(path);
            if (nested) {
                merge((ObjectNode) existing, field.getValue(), path + ".");
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode root, JsonNode node, String prefix, Map<String, String> env) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            if (field.getValue().isObject() && !MAPS.contains(path)) {
                applyEnvironment(root, field.getValue(), path + ".", env);
            } else if (env.containsKey(environmentName(path))) {
                set(root, path, env.get(environmentName(path)));
            }
        }
    }

    private static void set(ObjectNode root, String path, String value) {
        String[] keys = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (child == null || !child.isObject()) {
                throw new CachetException(ErrorType.MALFORMED, "unknown configuration key '" + path + "'");
            }
            node = (ObjectNode) child;
        }
        if (!node.has(keys[keys.length - 1])) {
            throw new CachetException(ErrorType.MALFORMED, "unknown configuration key '" + path + "'");
        }
        node.set(keys[keys.length - 1], value == null ? null : TextNode.valueOf(value));
    }
}
