package dev.cachet.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON text columns: lists of strings, string maps written with sorted keys, and JSON trees. */
final class JsonText {
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private static final TypeReference<JsonNode> TREE = new TypeReference<>() { };

    private final ObjectMapper mapper = new ObjectMapper();

    String write(List<String> values) {
        return serialize(values);
    }

    String write(Map<String, String> values) {
        return serialize(new TreeMap<>(values));
    }

    String write(JsonNode tree) {
        return serialize(tree);
    }

    List<String> readList(String json) throws SQLException {
        return parse(json, LIST);
    }

    Map<String, String> readMap(String json) throws SQLException {
        return parse(json, MAP);
    }

    JsonNode readTree(String json) throws SQLException {
        return parse(json, TREE);
    }

    private String serialize(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T parse(String json, TypeReference<T> type) throws SQLException {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON is broken: " + e.getOriginalMessage(), e);
        }
    }
}
