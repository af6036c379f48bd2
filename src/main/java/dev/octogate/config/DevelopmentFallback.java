package dev.octogate.config;

import java.util.Optional;

/**
 * Settings used when no client id is configured at all. Only the local GitHub stand-in that
 * {@code ./mvnw jetty:run} puts on the class path implements this; the WAR contains no
 * implementation, so a deployed app without a client id fails to start, as it should.
 */
public interface DevelopmentFallback {

    /** What a started fallback gives: its settings, and a way to stop what it started. */
    interface Started extends AutoCloseable {
        SettingsSource settings();

        /** Stops what the fallback started (at undeploy); nothing it started outlives the app. */
        @Override
        void close();
    }

    /** Starts whatever the fallback needs; empty when it is not switched on for this run. */
    Optional<Started> start();
}
