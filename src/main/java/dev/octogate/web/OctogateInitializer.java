package dev.octogate.web;

import dev.octogate.config.DevelopmentFallback;
import dev.octogate.config.SettingsException;
import dev.octogate.config.SettingsReader;
import dev.octogate.config.SettingsSource;
import dev.octogate.github.GitHubSettings;
import dev.octogate.store.DatabaseSettings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts Octogate in any Servlet 6 container, without web.xml: reads the settings and hands them to
 * a {@link Deployment}. A missing or invalid setting, or a database that cannot be used, fails the
 * deployment with one log line naming what to fix.
 */
public final class OctogateInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(OctogateInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        SettingsReader reader = SettingsReader.forProcess(SettingsSource.of(context::getInitParameter));
        Optional<DevelopmentFallback.Started> fallback = Optional.empty();
        try {
            if (!reader.isSet(GitHubSettings.CLIENT_ID) || !reader.isSet(DatabaseSettings.URL)) {
                // Only ./mvnw jetty:run puts a fallback (a GitHub stand-in, an embedded PostgreSQL) on the class path.
                fallback = developmentFallback(reader);
                if (fallback.isPresent()) {
                    reader = reader.withFallback(fallback.get().settings());
                }
            }
            AppSettings settings = AppSettings.read(reader);
            Deployment.start(context, settings, Clock.systemUTC(), fallback);
        } catch (SettingsException e) {
            fallback.ifPresent(DevelopmentFallback.Started::close);
            LOG.severe("Octogate cannot start. " + e.getMessage());
            throw new ServletException("Octogate cannot start. " + e.getMessage());
        }
    }

    private static Optional<DevelopmentFallback.Started> developmentFallback(SettingsReader reader) {
        try {
            Iterator<DevelopmentFallback> fallbacks =
                    ServiceLoader.load(DevelopmentFallback.class, OctogateInitializer.class.getClassLoader()).iterator();
            return fallbacks.hasNext() ? fallbacks.next().start(reader) : Optional.empty();
        } catch (ServiceConfigurationError e) {
            // A fallback visible from another class loader (embedded tests): not ours to use.
            return Optional.empty();
        }
    }
}
