package dev.octogate.log;

/**
 * Every value that came from a request or from GitHub goes into a log line through here: as one
 * line of printable text, so that nobody can forge a log line or hide text from the person reading
 * it. Control characters (C0, C1 such as U+0085), line and paragraph separators, format characters
 * (bidirectional overrides such as U+202E, zero-width characters) and lone surrogates become
 * {@code ?}; more than {@value #MAX_LENGTH} characters are cut with {@code …}.
 */
public final class LogText {

    public static final int MAX_LENGTH = 200;

    private LogText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (length == MAX_LENGTH) {
                return (out == null ? text.substring(0, i) : out.toString()) + "…";
            }
            if (unsafe(codePoint)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('?');
            } else if (out != null) {
                out.appendCodePoint(codePoint);
            }
            length++;
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
