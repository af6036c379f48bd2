package dev.octogate.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Signatures. Every change is recorded in the audit log in the same transaction. */
public interface SignatureStore {

    /** What a new signature holds; the store adds the agreement's slug and title. */
    record NewSignature(String id, long agreementId, int version, long userId, String login, String sha256,
                        Map<String, String> fields, Instant signedAt) {
    }

    /** One page of an agreement's signatures, newest first, and how many match in all. */
    record Page(List<Signature> signatures, long total) {
    }

    Optional<Signature> byId(String id);

    /** A user's signatures of every agreement, newest first. */
    List<Signature> byUser(long userId);

    /**
     * The user's standing signature of the agreement at version {@code fromVersion} or later, the
     * newest: what covers them when {@code fromVersion} is the last material version.
     */
    Optional<Signature> standing(long agreementId, long userId, int fromVersion);

    /** Of {@code userIds}, those with a standing signature of version {@code fromVersion} or later: one query. */
    Set<Long> covered(long agreementId, int fromVersion, Collection<Long> userIds);

    /**
     * Stores the signature, committed before this returns; when the user already has a standing
     * signature of that version (a second submit), that one instead, and nothing is stored.
     */
    Signature sign(NewSignature signature, Actor actor);

    /** Revokes the user's own standing signature; false when there is none of that id for them. */
    boolean revoke(String id, long userId, Instant at, Actor actor);

    /** A page of an agreement's signatures, optionally those whose login starts with {@code loginPrefix}. */
    Page page(long agreementId, String loginPrefix, int offset, int limit);

    /** Standing signatures by agreement id. */
    Map<Long, Long> standingCounts();

    /** Every signature of the agreement, oldest first, read from the database a few at a time. */
    void export(long agreementId, Consumer<Signature> each);
}
