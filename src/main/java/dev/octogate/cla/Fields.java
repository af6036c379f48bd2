package dev.octogate.cla;

import java.util.regex.Pattern;

/** The rules every text field of a form follows: 1 to 200 characters, no control characters. */
public final class Fields {

    public static final int MAX_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private Fields() {
    }

    /** Why the value is not acceptable, or null. */
    public static String problem(String value) {
        if (value == null || value.isBlank()) {
            return "Please fill this in.";
        }
        if (value.length() > MAX_LENGTH) {
            return "At most " + MAX_LENGTH + " characters, please.";
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || c == 0x2028 || c == 0x2029)) {
            return "Please leave out control characters and line breaks.";
        }
        return null;
    }

    /** The same, and the value must look like an email address. */
    public static String emailProblem(String value) {
        String problem = problem(value);
        if (problem == null && !EMAIL.matcher(value.trim()).matches()) {
            return "This does not look like an email address.";
        }
        return problem;
    }
}
