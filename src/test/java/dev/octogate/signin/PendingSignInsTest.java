package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.config.Secret;
import dev.octogate.crypto.Keys;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** Pending sign-ins sealed to travel with the browser: each opens for its own state only, once, for ten minutes. */
class PendingSignInsTest {

    static final URI CALLBACK = URI.create("https://cla.example.org/callback");

    MutableClock clock;
    PendingSignIns pending;

    static PendingSignIns pendingSignIns(String secret, MutableClock clock) {
        return new PendingSignIns(Keys.from(List.of(), new Secret(secret)).sealer("pending sign-in"), clock);
    }

    @BeforeEach
    void setUp() {
        clock = MutableClock.startingAt2024();
        pending = pendingSignIns("client-secret", clock);
    }

    PendingSignIn started(String next) {
        return new PendingSignIn("verifier-" + "v".repeat(34), next, CALLBACK, clock.instant());
    }

    @Test
    void aSealedSignInOpensForItsState() {
        PendingSignIn signIn = started("/agreements");
        PendingSignIns.Sealed sealed = pending.seal("state-1", signIn);
        PendingSignIns.Taken taken = pending.take("state-1", sealed.value());
        assertTrue(taken.found());
        assertEquals(signIn, taken.pending());
    }

    @Test
    void neitherTheStateNorTheVerifierCanBeReadFromWhatTravels() {
        PendingSignIns.Sealed sealed = pending.seal("state-1", started("/agreements"));
        assertEquals(PendingSignIns.nameOf("state-1"), sealed.name());
        assertFalse(sealed.name().contains("state") || sealed.value().contains("state"));
        assertFalse(sealed.value().contains("verifier") || sealed.value().contains("agreements"), sealed.value());
        assertTrue(sealed.value().length() < 200, "small: " + sealed.value().length());
        assertNotEquals(PendingSignIns.nameOf("state-1"), PendingSignIns.nameOf("state-2"));
        assertTrue(sealed.name().matches("[A-Za-z0-9_-]{22}") && sealed.value().matches("[A-Za-z0-9_-]+"),
                "cookie-safe: " + sealed);
    }

    @Test
    void aValueDoesNotOpenForAnotherState() {
        PendingSignIns.Sealed sealed = pending.seal("state-1", started("/"));
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take("state-2", sealed.value()).miss());
    }

    @Test
    void anAlteredOrForeignValueIsUnknown() {
        String value = pending.seal("state-1", started("/")).value();
        char last = value.charAt(value.length() - 5);
        String altered = value.substring(0, value.length() - 5) + (last == 'A' ? 'B' : 'A') + value.substring(value.length() - 4);
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take("state-1", altered).miss());
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take("state-1", "not base64!").miss());
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take("state-1", "").miss());
        String byAnotherApp = pendingSignIns("another-app's-secret", clock).seal("state-1", started("/")).value();
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take("state-1", byAnotherApp).miss());
    }

    @Test
    void aStateWithoutItsValueIsUnknown() {
        assertEquals(PendingSignIns.Miss.UNKNOWN, pending.take("state-1", null).miss());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noStateIsMissing(String state) {
        assertEquals(PendingSignIns.Miss.MISSING, pending.take(state, "whatever").miss());
    }

    @Test
    void validUntilTenMinutesHavePassed() {
        String value = pending.seal("state-1", started("/")).value();
        clock.advance(PendingSignIns.LIFETIME.minusNanos(1));
        assertTrue(pending.take("state-1", value).found());
        clock.advance(Duration.ofNanos(1));
        assertEquals(PendingSignIns.Miss.EXPIRED, pending.take("state-1", value).miss());
    }

    @Test
    void aNewOneDropsNothingWhileFewAreWaiting() {
        Map<String, String> waiting = new LinkedHashMap<>();
        for (int i = 0; i < PendingSignIns.MAX_PENDING - 1; i++) {
            PendingSignIns.Sealed sealed = pending.seal("state-" + i, started("/" + i));
            waiting.put(sealed.name(), sealed.value());
        }
        assertEquals(List.of(), pending.toDrop(waiting, pending.seal("new", started("/new"))));
    }

    @Test
    void atMostEightWaitTheOldestDropped() {
        Map<String, String> waiting = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            PendingSignIns.Sealed sealed = pending.seal("state-" + i, started("/" + i));
            waiting.put(sealed.name(), sealed.value());
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> drop = pending.toDrop(waiting, pending.seal("new", started("/new")));
        assertEquals(List.of(PendingSignIns.nameOf("state-0"), PendingSignIns.nameOf("state-1"),
                PendingSignIns.nameOf("state-2")), drop, "10 waiting, one more: the 3 oldest go, 7 + 1 stay");
    }

    @Test
    void expiredAndUnopenedOnesAreDroppedFirst() {
        Map<String, String> waiting = new LinkedHashMap<>();
        PendingSignIns.Sealed old = pending.seal("old", started("/old"));
        waiting.put(old.name(), old.value());
        clock.advance(PendingSignIns.LIFETIME);
        PendingSignIns.Sealed fresh = pending.seal("fresh", started("/fresh"));
        waiting.put(fresh.name(), fresh.value());
        waiting.put("forged", "AAAA");
        assertEquals(List.of(old.name(), "forged"), pending.toDrop(waiting, pending.seal("new", started("/new"))));
    }

    @Test
    void longOnesAreDroppedToKeepTheBrowsersCookiesUnderTheContainersHeaderLimit() {
        Map<String, String> waiting = new LinkedHashMap<>();
        String longNext = "/" + "x".repeat(1000);
        for (int i = 0; i < 5; i++) {
            PendingSignIns.Sealed sealed = pending.seal("state-" + i, started(longNext + i));
            waiting.put(sealed.name(), sealed.value());
            clock.advance(Duration.ofSeconds(1));
        }
        PendingSignIns.Sealed adding = pending.seal("new", started(longNext));
        List<String> drop = pending.toDrop(waiting, adding);
        int kept = waiting.entrySet().stream().filter(e -> !drop.contains(e.getKey()))
                .mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        assertTrue(kept + adding.name().length() + adding.value().length() <= PendingSignIns.MAX_TOTAL_LENGTH,
                "kept " + kept);
        assertEquals(PendingSignIns.nameOf("state-0"), drop.get(0), "the oldest first");
        assertFalse(drop.contains(PendingSignIns.nameOf("state-4")), "the newest stays");
    }
}
