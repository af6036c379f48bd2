package dev.octogate.store;

import java.util.List;

/** Which agreement each repository's pull requests need. Changes are audited in the same transaction. */
public interface RepositoryStore {

    /** Every mapping, by pattern. */
    List<RepositoryMapping> mappings();

    /** Maps {@code pattern} to the agreement, replacing what it was mapped to. */
    void map(String pattern, long agreementId, Actor actor);

    /** Removes the mapping; false when there was none. */
    boolean unmap(String pattern, Actor actor);
}
