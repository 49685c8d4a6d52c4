package dev.cachet.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.math.BigInteger;
import java.util.List;

/**
 * Renders an inspection as one JSON document for tools such as {@code jq}:
 * {@code {"source": ..., "format": "PEM", "objects": [{"kind": "certificate", ...}, ...]}}.
 */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRenderer() {
    }

    /**
     * Renders an inspection.
     *
     * @param inspection the descriptions of a file
     * @return the JSON text, indented, ending with a newline
     */
    public static String render(Inspection inspection) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(inspection)) + "\n";
        } catch (JsonProcessingException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Converts an inspection to a JSON tree.
     *
     * @param inspection the descriptions of a file
     * @return the document
     */
    public static ObjectNode toJson(Inspection inspection) {
        ObjectNode root = NODES.objectNode();
        root.put("source", inspection.source());
        root.put("format", inspection.format());
        ArrayNode objects = root.putArray("objects");
        for (Description description : inspection.objects()) {
            ObjectNode object = objects.addObject();
            object.put("kind", description.kind().id());
            members(object, description.fields());
        }
        return root;
    }

    private static void members(ObjectNode object, List<Field> fields) {
        for (Field field : fields) {
            if (field.inJson()) {
                object.set(field.key(), node(field.value()));
            }
        }
    }

    private static JsonNode node(Object value) {
        if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        }
        if (value instanceof Integer || value instanceof Long) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return NODES.numberNode((BigInteger) value);
        }
        if (value instanceof Group) {
            ObjectNode object = NODES.objectNode();
            members(object, ((Group) value).fields());
            return object;
        }
        if (value instanceof List) {
            ArrayNode array = NODES.arrayNode();
            ((List<?>) value).forEach(item -> array.add(node(item)));
            return array;
        }
        return NODES.textNode(String.valueOf(value));
    }
}
