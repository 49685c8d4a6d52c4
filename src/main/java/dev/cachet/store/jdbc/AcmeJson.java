package dev.cachet.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.core.Identifier;
import dev.cachet.store.acme.AcmeProblem;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON text of ACME columns: identifier lists ({@code [{"type":"DNS","value":"example.org"}]})
 * and problems ({@code {"type":..,"detail":..,"identifier":..,"subproblems":[..]}}), absent fields
 * left out.
 */
final class AcmeJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonText json = new JsonText();

    String identifiers(List<Identifier> identifiers) {
        ArrayNode array = NODES.arrayNode();
        identifiers.forEach(i -> array.add(node(i)));
        return json.write(array);
    }

    List<Identifier> identifiers(String text) throws SQLException {
        List<Identifier> identifiers = new ArrayList<>();
        for (JsonNode node : json.readTree(text)) {
            identifiers.add(identifier(node));
        }
        return identifiers;
    }

    /** @return the JSON text, or null for no problem */
    String problem(AcmeProblem problem) {
        return problem == null ? null : json.write(node(problem));
    }

    /** @return the problem, or null for a null column */
    AcmeProblem problem(String text) throws SQLException {
        return text == null ? null : problem(json.readTree(text));
    }

    private static ObjectNode node(AcmeProblem problem) {
        ObjectNode node = NODES.objectNode().put("type", problem.type()).put("detail", problem.detail());
        if (problem.identifier() != null) {
            node.set("identifier", node(problem.identifier()));
        }
        if (!problem.subproblems().isEmpty()) {
            ArrayNode subproblems = node.putArray("subproblems");
            problem.subproblems().forEach(p -> subproblems.add(node(p)));
        }
        return node;
    }

    private static AcmeProblem problem(JsonNode node) throws SQLException {
        JsonNode identifier = node.get("identifier");
        List<AcmeProblem> subproblems = new ArrayList<>();
        for (JsonNode subproblem : node.path("subproblems")) {
            subproblems.add(problem(subproblem));
        }
        return new AcmeProblem(text(node, "type"), text(node, "detail"),
                identifier == null ? null : identifier(identifier), subproblems);
    }

    private static ObjectNode node(Identifier identifier) {
        return NODES.objectNode().put("type", identifier.type().name()).put("value", identifier.value());
    }

    private static Identifier identifier(JsonNode node) throws SQLException {
        try {
            return new Identifier(Identifier.Type.valueOf(text(node, "type")), text(node, "value"));
        } catch (IllegalArgumentException e) {
            throw new SQLException("stored identifier has an unknown type: " + node, e);
        }
    }

    private static String text(JsonNode node, String field) throws SQLException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new SQLException("stored JSON lacks the text field '" + field + "': " + node);
        }
        return value.asText();
    }
}
