package dev.octogate.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The packaged WAR ({@code target/octogate.war}) deployed on an embedded Jetty 12 on a random
 * loopback port, with settings given as context parameters. For in-container tests (failsafe
 * runs them after {@code package}).
 */
public final class WarServer implements DeployedApp {

    private final Server server;
    private final WebAppContext webapp;
    private final String contextPath;

    private WarServer(Server server, WebAppContext webapp, String contextPath) {
        this.server = server;
        this.webapp = webapp;
        this.contextPath = contextPath;
    }

    public static Path war() {
        Path war = Path.of("target", "octogate.war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("target/octogate.war is missing: run ./mvnw verify (the WAR is built in 'package')");
        }
        return war;
    }

    /** Starts the WAR; {@link #available()} tells whether the deployment succeeded. */
    public static WarServer start(String contextPath, Map<String, String> settings) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(contextPath);
        webapp.setWar(war().toAbsolutePath().toString());
        webapp.addConfiguration(new AnnotationConfiguration());
        webapp.setTempDirectory(Files.createTempDirectory("octogate-it").toFile());
        settings.forEach(webapp::setInitParameter);
        hideTestClassPath(webapp);
        server.setHandler(webapp);
        server.start();
        return new WarServer(server, webapp, contextPath);
    }

    /**
     * The test class path holds the same libraries as the WAR (and Octogate's own classes). A real
     * container's does not: hide them, so the webapp uses only what the WAR brings.
     */
    public static void hideTestClassPath(WebAppContext webapp) {
        webapp.addHiddenClassMatcher(new org.eclipse.jetty.util.ClassMatcher(
                "dev.octogate.", "org.glassfish.", "jakarta.ws.rs.", "jakarta.json.", "jakarta.inject.",
                "jakarta.annotation.", "org.eclipse.yasson.", "org.jvnet."));
    }

    /**
     * Settings every test needs, pointing at a GitHub stand-in or mock at {@code github}, with a
     * database of its own.
     */
    public static Map<String, String> settings(URI github, String... more) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("github.client-id", "test-client");
        settings.put("github.client-secret", "test-secret-value");
        settings.put("github.url", github.toString());
        settings.put("github.api-url", github.toString());
        settings.put("db.url", TestDatabase.newDatabase());
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    /** The webapp's own class loader (WEB-INF/classes and WEB-INF/lib). */
    public ClassLoader webappClassLoader() {
        return webapp.getClassLoader();
    }

    public boolean available() {
        return webapp.isAvailable();
    }

    @Override
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public String deployedContextPath() {
        return contextPath;
    }

    /**
     * The session behind a session cookie, serialised as Jetty's session stores (JDBC, file)
     * serialise it: {@code SessionData.serializeAttributes} into an {@code ObjectOutputStream}.
     */
    public byte[] storedSession(String cookieValue) throws Exception {
        return storedSession(webapp, cookieValue);
    }

    /** The same for any deployed {@link WebAppContext}. */
    public static byte[] storedSession(WebAppContext webapp, String cookieValue) throws Exception {
        var handler = webapp.getSessionHandler();
        String id = handler.getSessionIdManager().getId(cookieValue);
        var session = handler.getManagedSession(id);
        if (session == null) {
            throw new IllegalStateException("no session " + id);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(webapp.getClassLoader());
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            org.eclipse.jetty.session.SessionData.serializeAttributes(session.getSessionData(), out);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
