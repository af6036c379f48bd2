package dev.octogate.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Agreements and their versions. Every change is recorded in the audit log in the same transaction. */
public interface AgreementStore {

    /** Every agreement, by slug. */
    List<Agreement> all();

    Optional<Agreement> bySlug(String slug);

    /** A new agreement with no version yet; empty when the slug is taken. */
    Optional<Agreement> create(String slug, String title, List<Agreement.ExtraField> fields, boolean sample,
                               Actor actor);

    /** Its versions, oldest first. */
    List<AgreementVersion> versions(long agreementId);

    /** Every version of every agreement, by agreement, oldest first. */
    List<AgreementVersion> allVersions();

    /** The newest version of every agreement that has one, by agreement id. */
    Map<Long, AgreementVersion> currentVersions();

    /**
     * Publishes version {@code version.number()}, which must be the next one: empty when another
     * was published meanwhile (nothing is stored then).
     */
    Optional<AgreementVersion> publish(AgreementVersion version, Actor actor);
}
