package dev.octogate.config;

import java.util.Optional;

/**
 * What {@code ./mvnw jetty:run} starts when settings are missing: a local GitHub stand-in when no
 * client id is set, an embedded PostgreSQL when no database URL is. Only the development class
 * path has an implementation; the WAR has none, so a deployed app without those settings fails to
 * start, as it should.
 */
public interface DevelopmentFallback {

    /** Where {@code jetty:run}'s embedded PostgreSQL keeps its files (and so its data, across runs). */
    Setting<String> DATA_DIR = Setting.withDefault("app.data-dir", "octogate-data", text -> text, "APP_DATA_DIR");

    /** An agreement a development run starts with, so that there is something to sign. */
    record Sample(String slug, String title, String text) {
    }

    /** What a started fallback gives: settings, a sample, and a way to stop what it started. */
    interface Started extends AutoCloseable {
        SettingsSource settings();

        /** The sample agreement to publish when the database has none. */
        Optional<Sample> sample();

        /** Stops what the fallback started (at undeploy); nothing it started outlives the app. */
        @Override
        void close();
    }

    /** Starts what {@code settings} lack; empty when the fallback is not switched on for this run. */
    Optional<Started> start(SettingsReader settings);
}
