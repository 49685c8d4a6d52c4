package dev.cachet.inspect;

/**
 * One entry of a description. Most fields appear both in text and in JSON; a field without a
 * key is only for people, a field without a label only for tools.
 *
 * @param key the JSON member name, such as {@code notAfter}; null for a line only people see
 * @param label the text label, such as {@code not after}; null for a member only JSON has
 * @param value a String, Boolean, Number, {@link Group} or a List of these; null only for text-only fields
 * @param text what people see instead of the rendered value, possibly several lines; null to render the value
 */
public record Field(String key, String label, Object value, String text) {

    /** Checks that the field appears somewhere. */
    public Field {
        if (key == null && label == null) {
            throw new IllegalArgumentException("a field needs a key, a label or both");
        }
        if (key != null && value == null) {
            throw new IllegalArgumentException("field " + key + " has no value");
        }
    }

    /** @return true when the field appears in text output */
    public boolean inText() {
        return label != null;
    }

    /** @return true when the field appears in JSON output */
    public boolean inJson() {
        return key != null;
    }
}
