package dev.octogate.store;

import java.time.Instant;
import java.util.List;

/**
 * A named CLA, such as {@code individual}.
 *
 * @param fields the extra fields its signing form asks for, beyond name and email
 * @param sample the sample agreement of a development run, shown as such
 */
public record Agreement(long id, String slug, String title, List<ExtraField> fields, boolean sample,
                        Instant createdAt) {

    public Agreement {
        fields = List.copyOf(fields);
    }

    /** An extra field of the signing form: its form name and its label. */
    public record ExtraField(String name, String label) {
    }
}
