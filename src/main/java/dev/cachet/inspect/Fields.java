package dev.cachet.inspect;

import java.util.ArrayList;
import java.util.List;

/** Collects the fields of a description in order, leaving out those whose value is absent. */
final class Fields {
    private final List<Field> fields = new ArrayList<>();

    /** Adds a field shown in text and JSON, unless the value is null. */
    Fields add(String key, String label, Object value) {
        return add(key, label, value, null);
    }

    /** Adds a field whose text differs from its JSON value, unless the value is null. */
    Fields add(String key, String label, Object value, String text) {
        if (value != null) {
            fields.add(new Field(key, label, value, text));
        }
        return this;
    }

    /** Adds a member only JSON has, unless the value is null. */
    Fields json(String key, Object value) {
        return add(key, null, value, null);
    }

    /** Adds a line only people see, unless the text is null. */
    Fields text(String label, String text) {
        if (text != null) {
            fields.add(new Field(null, label, null, text));
        }
        return this;
    }

    /** Adds fields built elsewhere. */
    Fields addAll(List<Field> more) {
        fields.addAll(more);
        return this;
    }

    List<Field> build() {
        return List.copyOf(fields);
    }
}
