package dev.cachet.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Turns Jackson's binding and parsing errors into one line that names the key and what it must be. */
final class ConfigErrors {

    private ConfigErrors() {
    }

    /**
     * Describes a value that does not fit its key.
     *
     * @param e the binding error
     * @param origins where the values came from
     * @return such as {@code cachet.yaml: limits.maxBodyBytes must be a whole number (is 'lots')}
     */
    static CachetException binding(JsonMappingException e, ConfigOrigins origins) {
        String key = path(e.getPath());
        String rule;
        if (e instanceof UnrecognizedPropertyException) {
            UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) e;
            rule = "unknown key '" + key + "'" + known(unknown.getKnownPropertyIds());
        } else if (e instanceof InvalidFormatException) {
            InvalidFormatException format = (InvalidFormatException) e;
            rule = key + " must be " + kind(format.getTargetType()) + " (is '" + format.getValue() + "')";
        } else if (e instanceof MismatchedInputException && ((MismatchedInputException) e).getTargetType() != null) {
            rule = key + " must be " + kind(((MismatchedInputException) e).getTargetType());
        } else {
            rule = key + ": " + oneLine(e.getOriginalMessage());
        }
        return new CachetException(ErrorType.MALFORMED, origins.of(key) + ": " + rule, e);
    }

    /**
     * Describes a file that is not YAML, with the line and column of the mistake.
     *
     * @param source the file's name
     * @param e the parsing error
     * @return such as {@code cachet.yaml: not valid YAML at line 3, column 7: ...}
     */
    static CachetException syntax(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new CachetException(ErrorType.MALFORMED, source + ": not valid YAML" + where + ": "
                + oneLine(e.getOriginalMessage()), e);
    }

    /** Keeps the sentences of a parser message and drops its multi-line excerpt of the input. */
    static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            boolean excerpt = line.startsWith("    ") || trimmed.equals("^") || trimmed.startsWith("in 'reader'")
                    || trimmed.startsWith("at [Source");
            if (!trimmed.isEmpty() && !excerpt) {
                parts.add(trimmed);
            }
        }
        return parts.isEmpty() ? "unreadable" : String.join("; ", parts);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the configuration" : path.toString();
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        TreeSet<String> names = new TreeSet<>();
        ids.forEach(id -> names.add(String.valueOf(id)));
        return " (known: " + String.join(", ", names) + ")";
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys";
        }
        return "a " + type.getSimpleName();
    }
}
