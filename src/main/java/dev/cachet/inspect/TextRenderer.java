package dev.cachet.inspect;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders an inspection for people: one block per object under a heading such as
 * {@code Certificate 1 of 3}, with aligned {@code label: value} lines.
 */
public final class TextRenderer {
    private static final String INDENT = "  ";
    /** Lists longer than this go one item per line. */
    private static final int INLINE_LIST_LENGTH = 80;

    private TextRenderer() {
    }

    /**
     * Renders an inspection.
     *
     * @param inspection the descriptions of a file
     * @return the text, ending with a newline
     */
    public static String render(Inspection inspection) {
        Map<Kind, Integer> totals = new EnumMap<>(Kind.class);
        inspection.objects().forEach(d -> totals.merge(d.kind(), 1, Integer::sum));
        Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
        StringBuilder out = new StringBuilder();
        for (Description description : inspection.objects()) {
            Kind kind = description.kind();
            int number = seen.merge(kind, 1, Integer::sum);
            int total = totals.get(kind);
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(kind.title()).append(total > 1 ? " " + number + " of " + total : "")
                    .append("DER".equals(inspection.format()) ? " (DER)" : "").append('\n');
            block(out, description.fields(), INDENT);
        }
        return out.toString();
    }

    private static void block(StringBuilder out, List<Field> fields, String indent) {
        int width = fields.stream().filter(Field::inText).mapToInt(f -> f.label().length()).max().orElse(0) + 2;
        for (Field field : fields) {
            if (!field.inText()) {
                continue;
            }
            if (field.text() == null && field.value() instanceof Group && ((Group) field.value()).summary() == null) {
                out.append(indent).append(field.label()).append(":\n");
                block(out, ((Group) field.value()).fields(), indent + INDENT);
                continue;
            }
            String head = indent + String.format("%-" + width + "s", field.label() + ":");
            String text = field.text() != null ? field.text() : value(field.value());
            out.append(head).append(text.replace("\n", "\n" + " ".repeat(head.length()))).append('\n');
        }
    }

    /** @return a value as one or more lines */
    static String value(Object value) {
        if (value instanceof Boolean) {
            return Formats.yesNo((Boolean) value);
        }
        if (value instanceof Group) {
            Group group = (Group) value;
            return group.summary() != null ? group.summary() : group.fields().stream().filter(Field::inText)
                    .map(f -> f.label() + " " + (f.text() != null ? f.text() : value(f.value())))
                    .collect(Collectors.joining(", "));
        }
        if (value instanceof List) {
            List<String> items = ((List<?>) value).stream().map(TextRenderer::value).toList();
            String inline = String.join(", ", items);
            if (items.isEmpty()) {
                return "(none)";
            }
            return inline.length() <= INLINE_LIST_LENGTH && !inline.contains("\n") ? inline
                    : String.join("\n", items);
        }
        String text = String.valueOf(value);
        return text.isEmpty() ? "(empty)" : text;
    }
}
