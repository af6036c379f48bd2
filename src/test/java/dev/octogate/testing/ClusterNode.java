package dev.octogate.testing;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.JDBCSessionDataStoreFactory;
import org.eclipse.jetty.session.NullSessionCache;

/**
 * One node of a cluster: the packaged WAR on an embedded Jetty 12, like {@link WarServer}, whose
 * sessions live in a JDBC session store shared with the other nodes (Jetty's
 * {@code JDBCSessionDataStore}, the {@code session-store-jdbc} module of a Jetty distribution).
 *
 * <p>The session cache is a {@link NullSessionCache}: no node keeps a session in memory between
 * requests, so every request reads the session from the store and a change made on one node is
 * seen by the next request on any node (no sticky sessions needed). Sessions are written when
 * created and before the response is committed, so the browser never gets an answer before the
 * store has the session; a request that changed nothing writes nothing (a save period of 60 s for
 * the access time). Each node has its own {@link DefaultSessionIdManager} with its own worker name.
 *
 * <p>The store keeps whole sessions, last writer wins: two requests of one browser that change the
 * session at the same moment on two nodes (two tabs starting a sign-in together) can lose one
 * change. That is the store's nature, not something these settings avoid.
 */
public final class ClusterNode implements DeployedApp {

    private final Server server;
    private final WebAppContext webapp;
    private final String contextPath;
    private final String workerName;
    private final Path tempDir;

    private ClusterNode(Server server, WebAppContext webapp, String contextPath, String workerName, Path tempDir) {
        this.server = server;
        this.webapp = webapp;
        this.contextPath = contextPath;
        this.workerName = workerName;
        this.tempDir = tempDir;
    }

    /**
     * Starts a node on 127.0.0.1:{@code port} (0 for any free port) whose sessions are in the
     * PostgreSQL database at {@code jdbcUrl}.
     */
    public static ClusterNode start(String workerName, int port, String contextPath, Map<String, String> settings,
                                    String jdbcUrl) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
        ids.setWorkerName(workerName);
        server.addBean(ids, true);

        Path tempDir = Files.createTempDirectory("octogate-node-" + workerName);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(contextPath);
        webapp.setWar(WarServer.war().toAbsolutePath().toString());
        webapp.addConfiguration(new AnnotationConfiguration());
        webapp.setTempDirectory(tempDir.toFile());
        settings.forEach(webapp::setInitParameter);
        // As in WarServer: the webapp sees only what the WAR brings, not the test class path.
        WarServer.hideTestClassPath(webapp);

        SessionHandler sessions = webapp.getSessionHandler();
        NullSessionCache cache = new NullSessionCache(sessions);
        cache.setSaveOnCreate(true);
        cache.setFlushOnResponseCommit(true);
        cache.setRemoveUnloadableSessions(true);
        DatabaseAdaptor database = new DatabaseAdaptor();
        database.setDriverInfo("org.postgresql.Driver", jdbcUrl);
        JDBCSessionDataStoreFactory stores = new JDBCSessionDataStoreFactory();
        stores.setDatabaseAdaptor(database);
        stores.setGracePeriodSec(60);
        // Jetty writes the whole session (every attribute) again when a request ends, after the
        // response has gone out, whenever only its access time changed and the last save is at
        // least savePeriod old: with the default 0, after every request. A request on node A then
        // overwrites what the browser's next request stored on node B meanwhile (seen: a pending
        // sign-in lost in 3 of 60 runs). With a save period, a request that changed nothing does
        // not write (changes are written before the response, flushOnResponseCommit).
        stores.setSavePeriodSec(60);
        cache.setSessionDataStore(stores.getSessionDataStore(sessions));
        sessions.setSessionCache(cache);

        server.setHandler(webapp);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            TomcatWarServer.deleteRecursively(tempDir);
            throw e;
        }
        return new ClusterNode(server, webapp, contextPath, workerName, tempDir);
    }

    /** Starts a node on {@code port}, or on any free port when that one cannot be bound. */
    public static ClusterNode startOnPortOrAny(String workerName, int port, String contextPath,
                                               Map<String, String> settings, String jdbcUrl) throws Exception {
        try {
            return start(workerName, port, contextPath, settings, jdbcUrl);
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                return start(workerName, 0, contextPath, settings, jdbcUrl);
            }
            throw e;
        }
    }

    public boolean available() {
        return webapp.isAvailable();
    }

    public String workerName() {
        return workerName;
    }

    @Override
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public String deployedContextPath() {
        return contextPath;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            TomcatWarServer.deleteRecursively(tempDir);
        }
    }
}
