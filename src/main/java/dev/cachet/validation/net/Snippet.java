package dev.cachet.validation.net;

/** Puts text from the network into a one-line message: printable, quoted, truncated. */
public final class Snippet {

    private Snippet() {
    }

    /**
     * Makes text safe for a message.
     *
     * @param text text received from the network
     * @param max the most characters kept
     * @return the text with control characters escaped, cut to {@code max} characters plus {@code ...}
     */
    public static String of(String text, int max) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f || Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "..." : out.toString();
    }

    /**
     * Quotes text for a message.
     *
     * @param text text received from the network
     * @param max the most characters kept
     * @return the text in double quotes, escaped and truncated
     */
    public static String quoted(String text, int max) {
        return "\"" + of(text, max) + "\"";
    }
}
