package dev.octogate.config;

/**
 * Settings used when no client id is configured at all. Only the local GitHub stand-in that
 * {@code ./mvnw jetty:run} puts on the class path implements this; the WAR contains no
 * implementation, so a deployed app without a client id fails to start, as it should.
 */
public interface DevelopmentFallback {

    /**
     * Starts whatever the fallback needs and returns its settings, by system property name; empty
     * when it is not switched on for this run.
     */
    java.util.Optional<SettingsSource> start();
}
