package dev.cachet.enrolment;

/** Puts user input into a one-line message: control characters become {@code ?}, long input is cut. */
final class Quoted {
    private static final int MAX_SHOWN = 80;

    private Quoted() {
    }

    /**
     * Quotes input for a message.
     *
     * @param text what the user gave
     * @return such as {@code 'ops?'} for {@code "ops\n"}
     */
    static String of(String text) {
        StringBuilder shown = new StringBuilder("'");
        text.codePoints().limit(MAX_SHOWN).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return shown.append(text.codePointCount(0, text.length()) > MAX_SHOWN ? "...'" : "'").toString();
    }
}
