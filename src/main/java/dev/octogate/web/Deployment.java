package dev.octogate.web;

import dev.octogate.crypto.Keys;
import dev.octogate.github.GitHub;
import dev.octogate.signin.PendingSignIns;
import dev.octogate.signin.RandomTokens;
import dev.octogate.signin.SessionRevalidation;
import dev.octogate.signin.SignInCompletion;
import dev.octogate.signin.SignInStart;
import dev.octogate.signin.SignOut;
import dev.octogate.signin.SignedInSessions;
import dev.octogate.web.http.AppUrls;
import dev.octogate.web.http.Cookies;
import dev.octogate.web.http.CurrentUser;
import dev.octogate.web.http.ErrorBoundary;
import dev.octogate.web.http.Replies;
import dev.octogate.web.http.ResponseHeaders;
import dev.octogate.web.http.Route;
import dev.octogate.web.http.RouteFilter;
import dev.octogate.web.http.RouteServlet;
import dev.octogate.web.http.RouteTable;
import dev.octogate.web.http.Views;
import dev.octogate.web.signin.SignInHandlers;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One deployment of Octogate: wires its parts from the settings, registers the route table's
 * filters and servlets, and on undeploy closes everything it started (GitHub's client and its
 * thread, the development stand-in) before the container goes on. No static state: two
 * deployments in one JVM each have their own.
 */
final class Deployment implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(Deployment.class.getName());

    /** Closed in reverse order of opening. */
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    private Deployment() {
    }

    /**
     * Wires the app. {@code started}: what was started for it already (a development fallback),
     * to close at undeploy with the rest.
     */
    static void start(ServletContext context, AppSettings settings, Clock clock, AutoCloseable... started) {
        Deployment deployment = new Deployment();
        for (AutoCloseable resource : started) {
            deployment.resources.push(resource);
        }
        try {
            GitHub github = GitHub.connect(settings.github(), clock);
            deployment.resources.push(github);
            deployment.register(context, settings, github, clock);
            context.addListener(deployment);
        } catch (RuntimeException | Error e) {
            deployment.contextDestroyed(null); // a failed start has no undeploy to stop what it started
            throw e;
        }
    }

    private void register(ServletContext context, AppSettings settings, GitHub github, Clock clock) {
        RandomTokens random = new RandomTokens();
        Keys keys = Keys.from(settings.keys().appSecrets(), settings.github().clientSecret());
        PendingSignIns pending = new PendingSignIns(keys.sealer("pending sign-in"), clock);
        SignedInSessions sessions = new SignedInSessions(keys.sealer("session"));
        AppUrls urls = new AppUrls(settings.web().baseUrl());
        Cookies cookies = new Cookies(context.getContextPath(), settings.web().httpsBaseUrl(), urls);
        // However many calls a callback makes (a code, the user, pages of organisations and teams).
        Duration callbackBudget = settings.github().timeout().multipliedBy(3);
        SignInHandlers signIn = new SignInHandlers(
                new SignInStart(settings.github(), settings.signIn(), pending, random, clock),
                new SignInCompletion(settings.signIn(), sessions, github.signIns().oauthApp(),
                        github.signIns().users(), random, clock),
                new SignOut(settings.signIn(), github.sessions().oauthApp()), pending, cookies,
                callback -> github.withinBudget(callbackBudget, callback), settings.web().clearSiteData());
        RouteTable table = Routes.table(signIn);
        warnAbout(settings, table);

        ResponseHeaders headers = new ResponseHeaders(settings.github().webUrl(), settings.github().apiUrl());
        Replies replies = new Replies(new Views(), headers, urls);
        CurrentUser currentUser = new CurrentUser(new SessionRevalidation(settings.signIn(), sessions,
                github.sessions().oauthApp(), github.sessions().users(), clock));

        configureSessions(context, settings.web(), cookies);
        // No directory listing of /static/ on Jetty (Tomcat lists none by default).
        context.setInitParameter("org.eclipse.jetty.servlet.Default.dirAllowed", "false");
        // Errors outermost, so that nothing below answers with a stack trace; then the route's rules.
        addFilter(context, "octogate-errors", new ErrorBoundary(table, headers, replies));
        addFilter(context, "octogate-routes",
                new RouteFilter(table, settings.web().publicPaths(), headers, currentUser, replies));
        table.byServletMapping().forEach((mapping, routes) -> context
                .addServlet("octogate " + (mapping.isEmpty() ? "/" : mapping), new RouteServlet(table, replies, currentUser))
                .addMapping(mapping));
        LOG.info("Octogate started: " + settings.summary());
    }

    private static void warnAbout(AppSettings settings, RouteTable table) {
        for (String scope : settings.signIn().missingScopes()) {
            LOG.warning("An allow-list or APP_ADMINS names organisations or teams, but github.scope (GITHUB_SCOPE) "
                    + "does not include " + scope + ": private memberships will not be seen. Add " + scope
                    + " to GITHUB_SCOPE.");
        }
        for (Route route : table.routes()) {
            String path = route.path().isExact() ? route.path().text() : route.path().literalPrefix();
            if (route.access().needsSignIn() && settings.web().publicPaths().matches(path)) {
                LOG.warning("app.public-paths (APP_PUBLIC_PATHS) covers " + route.path()
                        + ", which is for signed-in users only: it stays protected.");
            }
        }
        if (settings.web().baseUrl().isEmpty()) {
            LOG.info("app.base-url (APP_BASE_URL) is not set: redirect_uri is taken from each request. "
                    + "Behind a proxy, set it to the app's public URL.");
        }
    }

    private static void configureSessions(ServletContext context, WebSettings settings, Cookies cookies) {
        // The id travels only in the cookie: no ;jsessionid= in URLs, none accepted from them.
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        // Lax, not Strict: GitHub's redirect back to /callback is a cross-site navigation.
        cookie.setAttribute("SameSite", "Lax");
        // Over HTTPS requests the container marks the cookie Secure itself; behind a TLS-terminating
        // proxy it cannot tell, so APP_BASE_URL decides, and makes it a __Host- cookie: no sibling
        // subdomain can then plant one. (The container names its cookie once, at start: a container
        // serving HTTPS itself without APP_BASE_URL gets Secure, not the name.)
        if (settings.httpsBaseUrl()) {
            cookie.setSecure(true);
            cookie.setName(cookies.sessionCookieName());
            cookie.setPath("/");
        }
    }

    private static void addFilter(ServletContext context, String name, Filter filter) {
        FilterRegistration.Dynamic registration = context.addFilter(name, filter);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    /** Stops everything the deployment started, before the container unloads it. */
    @Override
    public void contextDestroyed(ServletContextEvent event) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "could not stop " + resource + " cleanly", e);
            }
        }
    }
}
