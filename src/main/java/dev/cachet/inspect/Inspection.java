package dev.cachet.inspect;

import java.util.List;
import java.util.Objects;

/**
 * The description of a whole file.
 *
 * @param source the file name, as given
 * @param format {@code PEM} or {@code DER}
 * @param objects one description per object, in file order
 */
public record Inspection(String source, String format, List<Description> objects) {

    /** Checks and copies the objects. */
    public Inspection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        objects = List.copyOf(objects);
    }
}
