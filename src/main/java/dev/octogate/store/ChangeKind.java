package dev.octogate.store;

import java.util.Locale;

/** How a version changes the agreement: whether earlier signatures still cover it. */
public enum ChangeKind {
    /** Earlier signatures no longer cover it. */
    MATERIAL,
    /** A correction: earlier signatures still cover it. */
    EDITORIAL;

    /** As the database and the forms spell it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeKind of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
