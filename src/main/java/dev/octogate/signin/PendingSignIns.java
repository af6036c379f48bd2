package dev.octogate.signin;

import dev.octogate.crypto.Sealer;
import dev.octogate.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pending sign-ins as they travel with the browser: each sealed with the app's key under a name
 * made from its {@code state}, so that a callback finds its own and the server keeps nothing
 * until someone has signed in. Several may wait at once (several tabs), at most {@link #MAX_PENDING}
 * and {@link #MAX_TOTAL_LENGTH} characters together (containers refuse request headers over 8 KiB),
 * the oldest dropped; each is taken once (the web layer deletes it), within {@link #LIFETIME}.
 */
public final class PendingSignIns {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int MAX_PENDING = 8;
    static final int MAX_TOTAL_LENGTH = 4096;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    /** Why a state did not match. */
    public enum Miss { MISSING, UNKNOWN, EXPIRED }

    /** Either the pending sign-in, or why there is none. */
    public record Taken(PendingSignIn pending, Miss miss) {
        public boolean found() {
            return pending != null;
        }
    }

    /** One pending sign-in, ready to travel: its name (from its state, never the state) and sealed value. */
    public record Sealed(String name, String value) {
        @Override
        public String toString() {
            return "Sealed[" + name + "]";
        }
    }

    private final Sealer sealer;
    private final Clock clock;

    public PendingSignIns(Sealer sealer, Clock clock) {
        this.sealer = sealer;
        this.clock = clock;
    }

    /** The name a state's pending sign-in travels under: part of its hash, so the state stays unknown. */
    public static String nameOf(String state) {
        byte[] hash = Sha256.of(state);
        return BASE64.encodeToString(java.util.Arrays.copyOf(hash, 16));
    }

    public Sealed seal(String state, PendingSignIn pending) {
        String name = nameOf(state);
        return new Sealed(name, BASE64.encodeToString(sealer.seal(pending.toBytes(), context(name))));
    }

    /**
     * Of the browser's waiting sign-ins (name to sealed value), those to drop so that {@code adding}
     * fits: any that does not open or has expired, then the oldest while too many or too long.
     */
    public List<String> toDrop(Map<String, String> waiting, Sealed adding) {
        record Waiting(String name, int length, Instant createdAt) {
        }
        Instant now = clock.instant();
        List<String> drop = new ArrayList<>();
        List<Waiting> kept = new ArrayList<>();
        waiting.forEach((name, value) -> {
            Optional<PendingSignIn> pending = open(name, value);
            if (name.equals(adding.name()) || pending.isEmpty() || expired(pending.get(), now)) {
                drop.add(name);
            } else {
                kept.add(new Waiting(name, name.length() + value.length(), pending.get().createdAt()));
            }
        });
        kept.sort(Comparator.comparing(Waiting::createdAt));
        int total = kept.stream().mapToInt(Waiting::length).sum() + adding.name().length() + adding.value().length();
        while (!kept.isEmpty() && (kept.size() >= MAX_PENDING || total > MAX_TOTAL_LENGTH)) {
            Waiting oldest = kept.remove(0);
            drop.add(oldest.name());
            total -= oldest.length();
        }
        return drop;
    }

    /**
     * The pending sign-in of this state, from the value the browser sent under its name (null when it
     * sent none): one that does not open (altered, another app's, an old key) is unknown.
     */
    public Taken take(String state, String sealedValue) {
        if (state == null || state.isEmpty()) {
            return new Taken(null, Miss.MISSING);
        }
        Optional<PendingSignIn> pending = sealedValue == null ? Optional.empty() : open(nameOf(state), sealedValue);
        if (pending.isEmpty()) {
            return new Taken(null, Miss.UNKNOWN);
        }
        if (expired(pending.get(), clock.instant())) {
            return new Taken(null, Miss.EXPIRED);
        }
        return new Taken(pending.get(), null);
    }

    private Optional<PendingSignIn> open(String name, String value) {
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return sealer.open(sealed, context(name)).flatMap(bytes -> {
            try {
                return Optional.of(PendingSignIn.fromBytes(bytes));
            } catch (java.io.ObjectStreamException e) {
                return Optional.empty();
            }
        });
    }

    /** Binds a value to its name: one pending sign-in's value does not open under another's name. */
    private static byte[] context(String name) {
        return ("pending sign-in " + name).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean expired(PendingSignIn pending, Instant now) {
        return !now.isBefore(pending.createdAt().plus(LIFETIME));
    }
}
