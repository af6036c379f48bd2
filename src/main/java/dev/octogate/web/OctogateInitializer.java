package dev.octogate.web;

import dev.octogate.auth.AccessPolicy;
import dev.octogate.config.DevelopmentFallback;
import dev.octogate.config.Settings;
import dev.octogate.config.SettingsException;
import dev.octogate.config.SettingsLoader;
import dev.octogate.config.SettingsSource;
import dev.octogate.github.GitHubClient;
import dev.octogate.github.GitHubTransport;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts Octogate in any Servlet 6 container, without web.xml: reads the settings (a missing or
 * invalid one fails the deployment with one log line), configures the session cookie, and
 * registers the filters in a fixed order and the servlets.
 */
public final class OctogateInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(OctogateInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        Settings settings;
        try {
            settings = loadSettings(context);
        } catch (SettingsException e) {
            LOG.severe("Octogate cannot start. " + e.getMessage());
            throw new ServletException("Octogate cannot start. " + e.getMessage());
        }
        Clock clock = Clock.systemUTC();
        GitHubClient github = new GitHubClient(settings, new GitHubTransport(settings.timeout(), clock), clock);
        start(context, new Octogate(settings, github, clock));
    }

    /** Registers everything for a wired app; tests call this with their own clock and GitHub. */
    static void start(ServletContext context, Octogate app) {
        Settings settings = app.settings;
        for (String scope : AccessPolicy.missingScopes(settings)) {
            LOG.warning("An allow-list of organisations or teams is set but github.scope (GITHUB_SCOPE) does not include "
                    + scope + ": private memberships will not be seen. Add " + scope + " to GITHUB_SCOPE.");
        }
        for (String path : SignInGuardFilter.SIGNED_IN_ONLY) {
            if (settings.publicPaths().matches(path)) {
                LOG.warning("app.public-paths (APP_PUBLIC_PATHS) covers " + path
                        + ", which shows the signed-in user: it stays protected.");
            }
        }
        if (settings.baseUrl().isEmpty()) {
            LOG.info("app.base-url (APP_BASE_URL) is not set: redirect_uri is taken from each request. "
                    + "Behind a proxy, set it to the app's public URL.");
        }
        configureSessions(context, settings);
        // No directory listing of /static/ on Jetty (Tomcat lists none by default).
        context.setInitParameter("org.eclipse.jetty.servlet.Default.dirAllowed", "false");

        // Order matters and is fixed here: headers and error handling outermost, then path checks, then the guard.
        addFilter(context, "octogate-security-headers", new SecurityHeadersFilter(app));
        addFilter(context, "octogate-strict-path", new StrictPathFilter(app));
        addFilter(context, "octogate-sign-in-guard", new SignInGuardFilter(app));

        context.addServlet("octogate-index", new IndexServlet(app)).addMapping("");
        context.addServlet("octogate-login", new LoginServlet(app)).addMapping("/login");
        context.addServlet("octogate-callback", new CallbackServlet(app)).addMapping("/callback");
        context.addServlet("octogate-logout", new LogoutServlet(app)).addMapping("/logout");
        context.addServlet("octogate-signed-out", new SignedOutServlet(app)).addMapping("/signed-out");
        context.addServlet("octogate-me", new MeServlet(app)).addMapping("/api/me");
        context.addServlet("octogate-health", new HealthServlet()).addMapping("/health");

        context.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                app.close();
            }
        });
        LOG.info("Octogate started: " + settings);
    }

    private static Settings loadSettings(ServletContext context) {
        SettingsSource contextParameters = SettingsSource.of(context::getInitParameter);
        SettingsLoader loader = SettingsLoader.forProcess(contextParameters);
        if (!loader.isConfigured()) {
            // Only ./mvnw jetty:run puts a fallback (the local GitHub stand-in) on the class path.
            java.util.Optional<SettingsSource> fallback = developmentFallback();
            if (fallback.isPresent()) {
                LOG.warning("No GitHub client id is set: using the local GitHub stand-in, not GitHub. "
                        + "Set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET to use GitHub.");
                loader = SettingsLoader.forProcess(contextParameters.or(fallback.get()));
            }
        }
        return loader.load();
    }

    private static java.util.Optional<SettingsSource> developmentFallback() {
        try {
            Iterator<DevelopmentFallback> fallbacks =
                    ServiceLoader.load(DevelopmentFallback.class, OctogateInitializer.class.getClassLoader()).iterator();
            return fallbacks.hasNext() ? fallbacks.next().start() : java.util.Optional.empty();
        } catch (java.util.ServiceConfigurationError e) {
            // A fallback visible from another class loader (embedded tests): not ours to use.
            return java.util.Optional.empty();
        }
    }

    private static void configureSessions(ServletContext context, Settings settings) {
        // The id travels only in the cookie: no ;jsessionid= in URLs, none accepted from them.
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        // Lax, not Strict: GitHub's redirect back to /callback is a cross-site navigation.
        cookie.setAttribute("SameSite", "Lax");
        // Over HTTPS requests the container marks the cookie Secure itself; behind a TLS-terminating
        // proxy it cannot tell, so APP_BASE_URL decides.
        if (settings.baseUrl().map(u -> u.getScheme().equals("https")).orElse(false)) {
            cookie.setSecure(true);
        }
    }

    private static void addFilter(ServletContext context, String name, jakarta.servlet.Filter filter) {
        FilterRegistration.Dynamic registration = context.addFilter(name, filter);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

}
