package dev.octogate.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.octogate.standin.GitHubStandIn;
import dev.octogate.testing.HostileGitHub;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * The server side of {@code bench/run}: one JVM with, on the same embedded Jetty 12,
 * <ul>
 * <li>the packaged WAR at {@code /};
 * <li>as baselines, a web application at {@code /bare} with a servlet that writes a constant
 * ({@code /bare/hello}) and one that reads a session attribute and writes {@code /api/me}'s answer
 * as a constant ({@code /bare/session-answer}), and the constant in a plain servlet context
 * ({@code /plain/hello});
 * <li>optionally, for comparison, the same job done with pac4j ({@code bench/pac4j}, its WAR at
 * {@code /pac4j});
 * <li>the WAR again at {@code /hostile}, in front of a GitHub whose answers' headers trickle in a
 * byte at a time ({@link HostileGitHub}), with a 2 s timeout;
 * </ul>
 * an embedded PostgreSQL that every context of the WAR shares; the GitHub stand-in on loopback; and a small admin port for what must be measured inside the JVM
 * (heap, a stored session, connections to the stand-in, context start-up). It prints one line,
 * {@code PORTS app admin standin}, when ready.
 */
public final class BenchServer {

    /** The limit of this machine: a servlet that writes a constant, in the same container. */
    public static final class HelloServlet extends HttpServlet {
        private static final byte[] HELLO = "Hello world!".getBytes(StandardCharsets.UTF_8);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.setContentLength(HELLO.length);
            response.getOutputStream().write(HELLO);
        }
    }

    /**
     * The floor of any login that keeps its user in the container's session: reads a session
     * attribute (created on the first request), then writes {@code /api/me}'s answer, its headers
     * and body, as constants (the stand-in's port, in the avatar URL, always has five digits).
     * What Octogate costs beyond this is its own logic.
     */
    public static final class SessionAnswerServlet extends HttpServlet {
        private static final byte[] BODY = ("{\"login\":\"octocat\",\"id\":583231,\"name\":\"The Octocat\","
                + "\"avatar_url\":\"http://localhost:33779/avatars/octocat.svg\",\"html_url\":\"https://github.com/octocat\"}")
                .getBytes(StandardCharsets.UTF_8);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            var session = request.getSession(true);
            if (session.getAttribute("user") == null) {
                session.setAttribute("user", "octocat");
            }
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }

    /** The timeout of the app in front of the hostile GitHub. */
    static final int HOSTILE_TIMEOUT_SECONDS = 2;
    /** Logins of the contributors the signatures benchmark makes (the stand-in makes their accounts). */
    static final String SIGNERS = "signer-";

    private final String databaseUrl;

    private final Path war;
    private final GitHubStandIn standIn;
    private final HostileGitHub hostile;
    private final Server server;
    private final WebAppContext webapp;
    /** The pac4j comparison, or null. */
    private final WebAppContext pac4j;

    BenchServer(Path war, Path pac4jWar) throws Exception {
        this.war = war;
        // One PostgreSQL for every context of the WAR, as nodes of a cluster share one.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is ending
            }
        }, "bench-postgres-stop"));
        this.databaseUrl = postgres.getJdbcUrl("postgres", "postgres");
        this.standIn = GitHubStandIn.builder().port(0).generatedAccounts(SIGNERS).start();
        this.server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        this.webapp = webapp("/", war, standIn, databaseUrl);
        // The baselines are a web application too (as a WAR would be), so that both sides pay the
        // same container cost per request: class loader switch, security handler, sessions.
        WebAppContext bare = new WebAppContext();
        bare.setContextPath("/bare");
        bare.setBaseResourceAsPath(Files.createTempDirectory("octogate-bench-bare"));
        bare.setTempDirectory(Files.createTempDirectory("octogate-bench-bare-tmp").toFile());
        bare.addServlet(HelloServlet.class, "/hello");
        bare.addServlet(SessionAnswerServlet.class, "/session-answer");
        // And the constant in a plain servlet context, without the web-app layer, for reference.
        org.eclipse.jetty.ee10.servlet.ServletContextHandler plain =
                new org.eclipse.jetty.ee10.servlet.ServletContextHandler("/plain");
        plain.addServlet(HelloServlet.class, "/hello");
        this.hostile = new HostileGitHub();
        hostile.mode(HostileGitHub.Mode.TRICKLING_HEADERS);
        WebAppContext hostileApp = webapp("/hostile", war, standIn, databaseUrl);
        hostileApp.setInitParameter("github.url", hostile.uri().toString());
        hostileApp.setInitParameter("github.api-url", hostile.uri().toString());
        hostileApp.setInitParameter("github.timeout-seconds", Integer.toString(HOSTILE_TIMEOUT_SECONDS));
        ContextHandlerCollection contexts = new ContextHandlerCollection(webapp, bare, plain, hostileApp);
        // The alternative, deployed as Octogate is and with the same settings. The stand-in has no
        // registered callback: it accepts any loopback redirect_uri, so either app's.
        this.pac4j = pac4jWar == null ? null : webapp("/pac4j", pac4jWar, standIn, null);
        if (pac4j != null) {
            contexts.addHandler(pac4j);
        }
        server.setHandler(contexts);
        server.start();
    }

    /** {@code databaseUrl}: Octogate's database; null for the pac4j WAR, which has none. */
    static WebAppContext webapp(String contextPath, Path war, GitHubStandIn standIn, String databaseUrl)
            throws IOException {
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(contextPath);
        webapp.setWar(war.toAbsolutePath().toString());
        webapp.addConfiguration(new AnnotationConfiguration());
        webapp.setTempDirectory(Files.createTempDirectory("octogate-bench").toFile());
        webapp.setInitParameter("github.client-id", standIn.clientId());
        webapp.setInitParameter("github.client-secret", standIn.clientSecret());
        webapp.setInitParameter("github.url", standIn.url().toString());
        webapp.setInitParameter("github.api-url", standIn.url().toString());
        if (databaseUrl != null) {
            webapp.setInitParameter("db.url", databaseUrl);
            webapp.setInitParameter("app.admins", "octocat"); // bench/run publishes the agreement it measures
        }
        // As a real deployment: the classes come from the WAR only.
        dev.octogate.testing.WarServer.hideTestClassPath(webapp);
        return webapp;
    }

    int appPort() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public static void main(String[] args) throws Exception {
        BenchServer bench = new BenchServer(Path.of(args.length > 0 ? args[0] : "target/octogate.war"),
                args.length > 1 ? Path.of(args[1]) : null);
        HttpServer admin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        admin.createContext("/heap", exchange -> answer(exchange, Long.toString(usedHeapAfterGc())));
        admin.createContext("/connections", exchange -> answer(exchange, Integer.toString(bench.standIn.apiConnections())));
        admin.createContext("/connections/reset", exchange -> {
            bench.standIn.resetApiConnections();
            answer(exchange, "0");
        });
        admin.createContext("/latency", exchange -> {
            long millis = Long.parseLong(exchange.getRequestURI().getQuery().replace("ms=", ""));
            bench.standIn.latency(Duration.ofMillis(millis));
            answer(exchange, Long.toString(millis));
        });
        admin.createContext("/session-size", exchange -> { // ?id=COOKIE, or ?pac4j=COOKIE for the comparison
            String query = exchange.getRequestURI().getQuery();
            try {
                answer(exchange, Integer.toString(query.startsWith("pac4j=")
                        ? bench.storedSessionSize(bench.pac4j, query.substring("pac4j=".length()))
                        : bench.storedSessionSize(bench.webapp, query.replace("id=", ""))));
            } catch (Exception e) {
                answer(exchange, "-1 " + e);
            }
        });
        admin.createContext("/sessions", exchange -> answer(exchange, Long.toString(
                ((org.eclipse.jetty.session.DefaultSessionCache) bench.webapp.getSessionHandler().getSessionCache())
                        .getSessionsCurrent())));
        admin.createContext("/startup", exchange -> {
            int runs = Integer.parseInt(exchange.getRequestURI().getQuery().replace("runs=", ""));
            try {
                answer(exchange, bench.startups(runs).toString().replaceAll("[\\[\\] ]", ""));
            } catch (Exception e) {
                answer(exchange, "-1 " + e);
            }
        });
        admin.start();
        System.out.println("PORTS " + bench.appPort() + " " + admin.getAddress().getPort() + " " + bench.standIn.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Serialised like Jetty's JDBC and file session stores do it. */
    int storedSessionSize(WebAppContext context, String cookieValue) throws Exception {
        return dev.octogate.testing.WarServer.storedSession(context, cookieValue).length;
    }

    /**
     * Milliseconds from starting a new context of the WAR (in a server of its own, already
     * listening) to its first {@code 200} on {@code /health}, {@code runs} times.
     */
    List<Long> startups(int runs) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Server fresh = new Server();
            ServerConnector connector = new ServerConnector(fresh);
            connector.setHost("127.0.0.1");
            fresh.addConnector(connector);
            ContextHandlerCollection contexts = new ContextHandlerCollection();
            fresh.setHandler(contexts);
            fresh.start();
            WebAppContext context = webapp("/", war, standIn, databaseUrl);
            URI health = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/health");
            long start = System.nanoTime();
            contexts.addHandler(context);
            context.start();
            while (client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                Thread.sleep(1);
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
            fresh.stop();
        }
        return millis;
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
