package dev.octogate.cla;

import dev.octogate.store.Signature;
import java.util.Map;

/** How a signing ended. The web layer picks the status and page for each. */
public sealed interface SignOutcome {

    /** Stored and committed: the receipt may be shown. */
    record Signed(Signature signature) implements SignOutcome {
    }

    /** The user is covered already: their receipt, nothing stored. */
    record AlreadyCovered(Signature existing) implements SignOutcome {
    }

    /** Fields missing or wrong, each with its problem, by field name ({@code agree} for the tick). */
    record Invalid(Signing.Offer offer, Map<String, String> problems) implements SignOutcome {
        public Invalid {
            problems = Map.copyOf(problems);
        }
    }

    /**
     * A new version was published while the user read ({@code shown}: the one their form showed, 0
     * if it named none): they must read the current one, which {@code offer} holds.
     */
    record VersionChanged(Signing.Offer offer, int shown) implements SignOutcome {
    }

    /** No such agreement, or none of its versions published yet. */
    record NotFound() implements SignOutcome {
    }
}
