package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PendingSignInsTest {

    private static final URI REDIRECT = URI.create("https://app.example/callback");

    private MutableClock clock;
    private PendingSignIns pending;
    private MapSession session;

    @BeforeEach
    void setUp() {
        clock = MutableClock.startingAt2024();
        pending = new PendingSignIns(clock);
        session = new MapSession();
    }

    private PendingSignIn newPending(String next) {
        return new PendingSignIn("verifier-for-" + next, next, REDIRECT, clock.instant());
    }

    private PendingSignIn save(String state, String next) {
        PendingSignIn p = newPending(next);
        pending.save(session, state, p);
        return p;
    }

    @Test
    void savedSignInCanBeTaken() {
        PendingSignIn saved = save("state-1", "/a");
        PendingSignIns.Taken taken = pending.take(session, "state-1");
        assertTrue(taken.found());
        assertSame(saved, taken.pending());
        assertNull(taken.miss());
        assertEquals(0, PendingSignIns.count(session));
    }

    @Test
    void twoTabsBothTakeable() {
        PendingSignIn first = save("state-tab-1", "/one");
        PendingSignIn second = save("state-tab-2", "/two");
        assertEquals(2, PendingSignIns.count(session));

        // taken in the other order than started
        assertSame(second, pending.take(session, "state-tab-2").pending());
        assertSame(first, pending.take(session, "state-tab-1").pending());
    }

    @Test
    void eachCanBeTakenOnlyOnce() {
        save("state-1", "/a");
        assertTrue(pending.take(session, "state-1").found());
        PendingSignIns.Taken replay = pending.take(session, "state-1");
        assertFalse(replay.found());
        assertEquals(PendingSignIns.Miss.UNKNOWN, replay.miss());
    }

    @Test
    void takingOneLeavesTheOthers() {
        save("state-1", "/a");
        save("state-2", "/b");
        pending.take(session, "state-1");
        assertEquals(1, PendingSignIns.count(session));
        assertTrue(pending.take(session, "state-2").found());
    }

    @Test
    void unknownStateIsUnknown() {
        save("state-1", "/a");
        PendingSignIns.Taken taken = pending.take(session, "state-2");
        assertEquals(PendingSignIns.Miss.UNKNOWN, taken.miss());
        assertNull(taken.pending());
        // a wrong guess does not use up the real one
        assertTrue(pending.take(session, "state-1").found());
    }

    @Test
    void stateFromAnotherSessionIsUnknown() {
        save("state-1", "/a");
        MapSession other = new MapSession("other");
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take(other, "state-1").miss());
        assertTrue(pending.take(session, "state-1").found());
    }

    @Test
    void stillValidOneSecondBeforeTenMinutes() {
        save("state-1", "/a");
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertTrue(pending.take(session, "state-1").found());
    }

    @Test
    void stillValidOneNanosecondBeforeTenMinutes() {
        save("state-1", "/a");
        clock.advance(PendingSignIns.LIFETIME.minusNanos(1));
        assertTrue(pending.take(session, "state-1").found());
    }

    @Test
    void expiredAfterExactlyTenMinutes() {
        assertEquals(Duration.ofMinutes(10), PendingSignIns.LIFETIME);
        save("state-1", "/a");
        clock.advance(Duration.ofMinutes(10));
        PendingSignIns.Taken taken = pending.take(session, "state-1");
        assertFalse(taken.found());
        assertEquals(PendingSignIns.Miss.EXPIRED, taken.miss());
    }

    @Test
    void expiredIsGoneAfterwards() {
        save("state-1", "/a");
        clock.advance(Duration.ofHours(1));
        assertEquals(PendingSignIns.Miss.EXPIRED, pending.take(session, "state-1").miss());
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take(session, "state-1").miss());
        assertEquals(0, PendingSignIns.count(session));
    }

    @Test
    void savingPurgesExpiredOnes() {
        save("old", "/old");
        clock.advance(Duration.ofMinutes(10));
        save("new", "/new");
        assertEquals(1, PendingSignIns.count(session));
        assertTrue(pending.take(session, "new").found());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingStateIsMissing(String state) {
        save("state-1", "/a");
        PendingSignIns.Taken taken = pending.take(session, state);
        assertEquals(PendingSignIns.Miss.MISSING, taken.miss());
        assertFalse(taken.found());
        assertEquals(1, PendingSignIns.count(session));
    }

    @Test
    void nullSessionIsUnknown() {
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take(null, "state-1").miss());
    }

    @Test
    void atMostEightKeptOldestEvicted() {
        assertEquals(8, PendingSignIns.MAX_PENDING);
        for (int i = 0; i < 9; i++) {
            save("state-" + i, "/" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(8, PendingSignIns.count(session));
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take(session, "state-0").miss());
        for (int i = 1; i < 9; i++) {
            PendingSignIns.Taken taken = pending.take(session, "state-" + i);
            assertTrue(taken.found(), "state-" + i);
            assertEquals("/" + i, taken.pending().next());
        }
    }

    @Test
    void manyMoreStillKeepsTheNewestEight() {
        for (int i = 0; i < 30; i++) {
            save("state-" + i, "/" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(8, PendingSignIns.count(session));
        for (int i = 0; i < 22; i++) {
            assertFalse(pending.take(session, "state-" + i).found(), "state-" + i);
        }
        for (int i = 22; i < 30; i++) {
            assertTrue(pending.take(session, "state-" + i).found(), "state-" + i);
        }
    }

    @Test
    void otherSessionAttributesAreLeftAlone() {
        session.set("octogate.user", "someone");
        session.set("unrelated", 42);
        for (int i = 0; i < 12; i++) {
            save("state-" + i, "/" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        pending.take(session, "state-11");
        assertEquals("someone", session.get("octogate.user"));
        assertEquals(42, session.get("unrelated"));
    }

    @Test
    void stateIsNotStoredInAnyAttributeNameOrValue() throws IOException {
        String state = "Zm9vYmFyLXN0YXRlLXZhbHVlLXRoYXQtaXMtdW5pcXVl";
        save(state, "/a?x=1");
        Map<String, Object> attributes = session.snapshot();
        assertEquals(1, attributes.size());
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            assertFalse(attribute.getKey().contains(state), attribute.getKey());
            assertFalse(String.valueOf(attribute.getValue()).contains(state));
            byte[] serialized = serialize((Serializable) attribute.getValue());
            assertFalse(new String(serialized, StandardCharsets.ISO_8859_1).contains(state),
                    "the serialized session value holds the state");
        }
    }

    @Test
    void pendingSignInIsSerializableAndItsToStringHidesTheVerifier() throws IOException {
        PendingSignIn p = newPending("/a");
        assertTrue(serialize(p).length > 0);
        assertFalse(p.toString().contains(p.codeVerifier()), p.toString());
    }

    @Test
    void concurrentTakesOfTheSameStateHaveExactlyOneWinner() throws Exception {
        save("contested", "/a");
        int threads = 16;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PendingSignIns.Taken>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<PendingSignIns.Taken> task = () -> {
                    ready.countDown();
                    go.await();
                    return pending.take(session, "contested");
                };
                results.add(executor.submit(task));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not start");
            go.countDown();
            int winners = 0;
            for (Future<PendingSignIns.Taken> result : results) {
                PendingSignIns.Taken taken = result.get(30, TimeUnit.SECONDS);
                if (taken.found()) {
                    winners++;
                } else {
                    assertEquals(PendingSignIns.Miss.UNKNOWN, taken.miss());
                }
            }
            assertEquals(1, winners);
            assertEquals(0, PendingSignIns.count(session));
        } finally {
            executor.shutdownNow();
        }
    }

    private static byte[] serialize(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
