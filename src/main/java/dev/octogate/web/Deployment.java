package dev.octogate.web;

import dev.octogate.admin.Administration;
import dev.octogate.cla.Catalog;
import dev.octogate.cla.Markdown;
import dev.octogate.cla.Signing;
import dev.octogate.config.DevelopmentFallback;
import dev.octogate.crypto.Keys;
import dev.octogate.github.GitHub;
import dev.octogate.signin.PendingSignIns;
import dev.octogate.signin.RandomTokens;
import dev.octogate.signin.SessionRevalidation;
import dev.octogate.signin.SignInCompletion;
import dev.octogate.signin.SignInStart;
import dev.octogate.signin.SignOut;
import dev.octogate.signin.SignedInSessions;
import dev.octogate.store.Actor;
import dev.octogate.store.AgreementStore;
import dev.octogate.store.Database;
import dev.octogate.store.PostgresAgreementStore;
import dev.octogate.store.PostgresAuditLog;
import dev.octogate.store.PostgresRepositoryStore;
import dev.octogate.store.PostgresSignatureStore;
import dev.octogate.store.SignatureStore;
import dev.octogate.web.admin.AdminHandlers;
import dev.octogate.web.cla.ClaHandlers;
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
import java.util.List;
import java.util.Optional;
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
     * Wires the app. {@code development}: what {@code jetty:run} started for it (closed at undeploy
     * with the rest), and its sample agreement.
     */
    static void start(ServletContext context, AppSettings settings, Clock clock,
                      Optional<DevelopmentFallback.Started> development) {
        Deployment deployment = new Deployment();
        development.ifPresent(deployment.resources::push);
        try {
            Database database = Database.open(settings.database());
            deployment.resources.push(database);
            GitHub github = GitHub.connect(settings.github(), clock);
            deployment.resources.push(github);
            deployment.register(context, settings, database, github, clock,
                    development.flatMap(DevelopmentFallback.Started::sample));
            context.addListener(deployment);
        } catch (RuntimeException | Error e) {
            deployment.contextDestroyed(null); // a failed start has no undeploy to stop what it started
            throw e;
        }
    }

    private void register(ServletContext context, AppSettings settings, Database database, GitHub github, Clock clock,
                          Optional<DevelopmentFallback.Sample> sample) {
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
        AgreementStore agreements = new PostgresAgreementStore(database, clock);
        SignatureStore signatures = new PostgresSignatureStore(database);
        Catalog catalog = new Catalog(agreements, signatures, System::nanoTime);
        Administration administration = new Administration(agreements, signatures,
                new PostgresRepositoryStore(database, clock), new Markdown(), clock);
        sample.ifPresent(s -> publishSample(agreements, administration, s));
        ClaHandlers cla = new ClaHandlers(catalog, new Signing(agreements, signatures, clock), signatures,
                github.sessions().users());
        AdminHandlers admin = new AdminHandlers(administration, signatures, new PostgresAuditLog(database), catalog);
        RouteTable table = Routes.table(signIn, cla, admin);
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

    /** A development run's sample agreement, published once: when the database has no agreement at all. */
    private static void publishSample(AgreementStore agreements, Administration administration,
                                      DevelopmentFallback.Sample sample) {
        if (!agreements.all().isEmpty()) {
            return;
        }
        Actor actor = new Actor(null, "development run");
        agreements.create(sample.slug(), sample.title(), List.of(), true, actor);
        administration.publish(sample.slug(), new Administration.Draft(sample.text(), "material",
                "The sample of a development run"), 1, actor);
        LOG.info("published the sample agreement '" + sample.slug() + "' of this development run");
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
