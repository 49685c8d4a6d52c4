package dev.cachet.inspect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one object of a file is: its kind and its fields, in the order people read them.
 *
 * @param kind the kind of object
 * @param fields the fields
 */
public record Description(Kind kind, List<Field> fields) {

    /** Checks and copies the fields. */
    public Description {
        Objects.requireNonNull(kind, "kind");
        fields = List.copyOf(fields);
    }

    /**
     * Finds the value of a field by its JSON name.
     *
     * @param key such as {@code subject}
     * @return the value, or empty when the description has no such field
     */
    public Optional<Object> value(String key) {
        return fields.stream().filter(f -> key.equals(f.key())).map(Field::value).findFirst();
    }
}
