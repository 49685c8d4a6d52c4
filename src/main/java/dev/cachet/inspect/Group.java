package dev.cachet.inspect;

import java.util.List;

/**
 * A nested object of a description, such as one revoked entry of a CRL.
 *
 * @param fields its fields, in order
 * @param summary one line that stands for the group in text output; null to show its fields indented
 */
public record Group(List<Field> fields, String summary) {

    /** Copies the fields. */
    public Group {
        fields = List.copyOf(fields);
    }
}
