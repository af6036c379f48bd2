package dev.octogate.web;

import dev.octogate.config.DevelopmentFallback;
import dev.octogate.config.SettingsException;
import dev.octogate.config.SettingsReader;
import dev.octogate.config.SettingsSource;
import dev.octogate.github.GitHubSettings;
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
 * Starts Octogate in any Servlet 6 container, without web.xml: reads the settings (a missing or
 * invalid one fails the deployment with one log line) and hands them to a {@link Deployment}.
 */
public final class OctogateInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(OctogateInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        SettingsReader reader = SettingsReader.forProcess(SettingsSource.of(context::getInitParameter));
        Optional<DevelopmentFallback.Started> fallback = Optional.empty();
        if (!reader.isSet(GitHubSettings.CLIENT_ID)) {
            // Only ./mvnw jetty:run puts a fallback (the local GitHub stand-in) on the class path.
            fallback = developmentFallback();
            if (fallback.isPresent()) {
                LOG.warning("No GitHub client id is set: using the local GitHub stand-in, not GitHub. "
                        + "Set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET to use GitHub.");
                reader = reader.withFallback(fallback.get().settings());
            }
        }
        AppSettings settings;
        try {
            settings = AppSettings.read(reader);
        } catch (SettingsException e) {
            fallback.ifPresent(DevelopmentFallback.Started::close);
            LOG.severe("Octogate cannot start. " + e.getMessage());
            throw new ServletException("Octogate cannot start. " + e.getMessage());
        }
        Deployment.start(context, settings, Clock.systemUTC(), fallback.stream().toArray(AutoCloseable[]::new));
    }

    private static Optional<DevelopmentFallback.Started> developmentFallback() {
        try {
            Iterator<DevelopmentFallback> fallbacks =
                    ServiceLoader.load(DevelopmentFallback.class, OctogateInitializer.class.getClassLoader()).iterator();
            return fallbacks.hasNext() ? fallbacks.next().start() : Optional.empty();
        } catch (ServiceConfigurationError e) {
            // A fallback visible from another class loader (embedded tests): not ours to use.
            return Optional.empty();
        }
    }
}
