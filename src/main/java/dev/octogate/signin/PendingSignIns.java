package dev.octogate.signin;

import dev.octogate.crypto.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The repository of a session's pending sign-ins. Several may wait at once (several tabs); each
 * can be taken once, and only within {@link #LIFETIME}. Each is its own session attribute, so two
 * tabs starting together do not overwrite each other.
 */
public final class PendingSignIns {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** More than this many waiting at once is not a person with tabs; the oldest goes. */
    static final int MAX_PENDING = 8;
    private static final String PREFIX = "octogate.pending.";

    /** Why a state did not match. */
    public enum Miss { MISSING, UNKNOWN, EXPIRED }

    /** Either the pending sign-in, or why there is none. */
    public record Taken(PendingSignIn pending, Miss miss) {
        public boolean found() {
            return pending != null;
        }
    }

    private final Clock clock;

    public PendingSignIns(Clock clock) {
        this.clock = clock;
    }

    public void save(SessionAttributes session, String state, PendingSignIn pending) {
        synchronized (session.lock()) {
            Instant now = clock.instant();
            List<String> waiting = new ArrayList<>();
            for (String name : session.names()) {
                if (name.startsWith(PREFIX)) {
                    if (session.get(name) instanceof PendingSignIn p && !expired(p, now)) {
                        waiting.add(name);
                    } else {
                        session.remove(name);
                    }
                }
            }
            waiting.sort(Comparator.comparing(name -> ((PendingSignIn) session.get(name)).createdAt()));
            for (int i = 0; i <= waiting.size() - MAX_PENDING; i++) {
                session.remove(waiting.get(i));
            }
            session.set(key(state), pending);
        }
    }

    /** Removes and returns the pending sign-in of this state: a state works once. */
    public Taken take(SessionAttributes session, String state) {
        if (state == null || state.isEmpty()) {
            return new Taken(null, Miss.MISSING);
        }
        if (session == null) {
            return new Taken(null, Miss.UNKNOWN);
        }
        PendingSignIn pending;
        synchronized (session.lock()) {
            String key = key(state);
            pending = session.get(key) instanceof PendingSignIn p ? p : null;
            if (pending != null) {
                session.remove(key);
            }
        }
        if (pending == null) {
            return new Taken(null, Miss.UNKNOWN);
        }
        if (expired(pending, clock.instant())) {
            return new Taken(null, Miss.EXPIRED);
        }
        return new Taken(pending, null);
    }

    private static boolean expired(PendingSignIn pending, Instant now) {
        return !now.isBefore(pending.createdAt().plus(LIFETIME));
    }

    /** The attribute name: a hash of the state, so a session dump does not reveal live states. */
    private static String key(String state) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Sha256.of(state), 16));
    }

    /** How many are waiting, for tests and diagnostics. */
    public static long count(SessionAttributes session) {
        return session.names().stream().filter(n -> n.startsWith(PREFIX)).count();
    }
}
