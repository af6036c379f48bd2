package dev.octogate.bench;

import dev.octogate.config.Secret;
import dev.octogate.crypto.Keys;
import dev.octogate.github.GitHubUser;
import dev.octogate.signin.PendingSignIn;
import dev.octogate.signin.PendingSignIns;
import dev.octogate.signin.SessionAttributes;
import dev.octogate.signin.SignedInSessions;
import dev.octogate.signin.SignedInUser;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What sealing costs, in its own JVM: opening the session's value (every signed-in request),
 * sealing it (each check with GitHub), sealing a pending sign-in ({@code /login}) and opening it
 * (the callback), each after a warm-up, on one thread.
 *
 * <pre>SealBench   prints SEAL open_us=… open_cached_us=… seal_us=… pending_seal_us=… pending_open_us=… session_bytes=…</pre>
 *
 * {@code open_us} opens a value as loaded from a session store (a new array: decrypted);
 * {@code open_cached_us} the value a container keeps in memory between requests (the same array,
 * which the node has opened before).
 */
public final class SealBench {

    /** A session of one attribute, as the container's is for the cost of a lookup. */
    private static final class OneAttribute implements SessionAttributes {
        private final Map<String, Object> attributes = new HashMap<>();

        @Override
        public Object get(String name) {
            return attributes.get(name);
        }

        @Override
        public void set(String name, Serializable value) {
            attributes.put(name, value);
        }

        @Override
        public void remove(String name) {
            attributes.remove(name);
        }

        @Override
        public String id() {
            return "bench";
        }

        @Override
        public void renewId() {
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Keys keys = Keys.from(List.of(), new Secret("a bench's client secret"));
        SignedInSessions sessions = new SignedInSessions(keys.sealer("session"));
        PendingSignIns pending = new PendingSignIns(keys.sealer("pending sign-in"), Clock.systemUTC());
        SignedInUser user = new SignedInUser(new GitHubUser("octocat", 583231, "The Octocat",
                "https://avatars.githubusercontent.com/u/583231?v=4", "https://github.com/octocat"),
                "gho_16C7e42F292c6912E7710c838347Ae178B4a", List.of("read:org", "user:email"), null, null,
                "W/\"4f5c3bd3a07e31d1b1e3a9b4e1c2b3f4\"", Instant.now(), Instant.now(), "x9Qm2LrT5vWc8ZpK1sDfGh3JkLz0", false);
        PendingSignIn signIn = new PendingSignIn("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "/agreements/individual",
                URI.create("https://cla.example.org/callback"), Instant.now());
        OneAttribute session = new OneAttribute();
        sessions.store(session, user);
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            sink += openSession(sessions, session, rounds) + openStored(sessions, session, rounds)
                    + sealSession(sessions, session, user, rounds)
                    + sealPending(pending, signIn, rounds) + openPending(pending, signIn, rounds);
        }
        double openCached = perOp(() -> openSession(sessions, session, rounds), rounds);
        double open = perOp(() -> openStored(sessions, session, rounds), rounds);
        double seal = perOp(() -> sealSession(sessions, session, user, rounds), rounds);
        double pendingSeal = perOp(() -> sealPending(pending, signIn, rounds), rounds);
        double pendingOpen = perOp(() -> openPending(pending, signIn, rounds), rounds);
        int bytes = ((byte[]) session.get("octogate.user")).length;
        System.out.printf("SEAL open_us=%.2f open_cached_us=%.2f seal_us=%.2f pending_seal_us=%.2f pending_open_us=%.2f "
                + "session_bytes=%d%s%n", open, openCached, seal, pendingSeal, pendingOpen, bytes, sink == 42 ? " " : "");
    }

    interface Work {
        long run();
    }

    private static double perOp(Work work, int rounds) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e3 / rounds;
    }

    private static long openSession(SignedInSessions sessions, OneAttribute session, int rounds) {
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            sink += sessions.current(session).orElseThrow().id();
        }
        return sink;
    }

    /** As after a session store's load: the same bytes in a new array each time. */
    private static long openStored(SignedInSessions sessions, OneAttribute session, int rounds) {
        byte[] sealed = (byte[]) session.get("octogate.user");
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            session.set("octogate.user", sealed.clone());
            sink += sessions.current(session).orElseThrow().id();
        }
        session.set("octogate.user", sealed);
        return sink;
    }

    private static long sealSession(SignedInSessions sessions, OneAttribute session, SignedInUser user, int rounds) {
        for (int i = 0; i < rounds; i++) {
            sessions.store(session, user);
        }
        return ((byte[]) session.get("octogate.user")).length;
    }

    private static long sealPending(PendingSignIns pending, PendingSignIn signIn, int rounds) {
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            sink += pending.seal("state-" + (i & 7), signIn).value().length();
        }
        return sink;
    }

    private static long openPending(PendingSignIns pending, PendingSignIn signIn, int rounds) {
        PendingSignIns.Sealed sealed = pending.seal("the-state", signIn);
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            sink += pending.take("the-state", sealed.value()).pending().next().length();
        }
        return sink;
    }
}
