package dev.octogate.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A {@link Clock} that stands still until a test moves it. Thread-safe. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** Starts at a fixed, arbitrary instant. */
    public static MutableClock startingAt2024() {
        return new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
    }

    public synchronized MutableClock advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Shares nothing with this clock afterwards; fine for tests.
        return new MutableClock(now, zone);
    }
}
