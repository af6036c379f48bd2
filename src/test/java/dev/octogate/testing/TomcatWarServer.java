package dev.octogate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Globals;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * The packaged WAR ({@code target/octogate.war}, the file, not the classes) deployed on an embedded
 * Tomcat 10.1 on a random loopback port, in its own temporary base directory, with settings given
 * as context parameters: the Tomcat counterpart of {@link WarServer}.
 *
 * <p>As in a real Tomcat, the webapp sees only the JDK, the Servlet API, {@code jakarta.annotation}
 * and Tomcat itself above its own {@code WEB-INF/classes} and {@code WEB-INF/lib}: the test class
 * path (which holds the same libraries as the WAR, Octogate's own classes, WireMock, Jetty…) is
 * hidden by {@link ContainerOnlyClassLoader}, and the class path is not scanned for JARs. No JSP
 * support is configured (the embedded core has no Jasper): the default servlet and the usual MIME
 * types are added as Tomcat's own {@code conf/web.xml} would.
 */
public final class TomcatWarServer implements DeployedApp {

    private final Tomcat tomcat;
    private final Context context;
    private final String contextPath;
    private final Path baseDir;

    private TomcatWarServer(Tomcat tomcat, Context context, String contextPath, Path baseDir) {
        this.tomcat = tomcat;
        this.context = context;
        this.contextPath = contextPath;
        this.baseDir = baseDir;
    }

    /** Deploys the WAR at {@code contextPath} ("/" for the root); {@link #available()} tells whether it started. */
    public static TomcatWarServer start(String contextPath, Map<String, String> settings) throws Exception {
        return start(contextPath, settings, 0, context -> { });
    }

    /**
     * The same on {@code port} (0 for any), with {@code customize} applied to the context before it
     * starts (a session {@code Manager}, for example), as a context XML file would.
     */
    public static TomcatWarServer start(String contextPath, Map<String, String> settings, int port,
                                        Consumer<Context> customize) throws Exception {
        Path war = WarServer.war().toAbsolutePath();
        Path baseDir = Files.createTempDirectory("octogate-tomcat");
        // Tomcat takes catalina.home (creating the directory) from the system property the
        // previous embedded Tomcat left behind, unless set: each one gets its own.
        System.setProperty(Globals.CATALINA_HOME_PROP, baseDir.toString());
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAppBase(Files.createDirectories(baseDir.resolve("webapps")).toString());
        tomcat.getHost().setAutoDeploy(false);
        tomcat.setAddDefaultWebXmlToWebapp(false);

        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        String path = contextPath.equals("/") ? "" : contextPath;
        Context context = tomcat.addWebapp(tomcat.getHost(), path, war.toString(), config);
        context.setParentClassLoader(new ContainerOnlyClassLoader(TomcatWarServer.class.getClassLoader()));
        StandardJarScanner jars = new StandardJarScanner();
        jars.setScanClassPath(false);
        context.setJarScanner(jars);
        settings.forEach(context::addParameter);
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                addContainerDefaults(context);
            }
        });
        customize.accept(context);
        try {
            tomcat.start();
        } catch (Exception | Error e) {
            try {
                new TomcatWarServer(tomcat, context, contextPath, baseDir).close();
            } catch (Exception cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new TomcatWarServer(tomcat, context, contextPath, baseDir);
    }

    /** What Tomcat's conf/web.xml gives every webapp, minus the JSP servlet. */
    private static void addContainerDefaults(Context context) {
        Wrapper servlet = context.createWrapper();
        servlet.setName("default");
        servlet.setServletClass(DefaultServlet.class.getName());
        servlet.addInitParameter("listings", "false");
        servlet.setLoadOnStartup(1);
        servlet.setOverridable(true);
        context.addChild(servlet);
        context.addServletMappingDecoded("/", "default");
        context.setSessionTimeout(30);
        Tomcat.addDefaultMimeTypeMappings(context);
    }

    public boolean available() {
        return context.getState() == LifecycleState.STARTED && context.getState().isAvailable();
    }

    /** Tomcat's context of the webapp. */
    public Context context() {
        return context;
    }

    /** The webapp's own class loader (WEB-INF/classes and WEB-INF/lib, then the container). */
    public ClassLoader webappClassLoader() {
        return context.getLoader().getClassLoader();
    }

    @Override
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public String deployedContextPath() {
        return contextPath;
    }

    @Override
    public void close() throws Exception {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            for (String property : new String[] {Globals.CATALINA_HOME_PROP, Globals.CATALINA_BASE_PROP}) {
                if (baseDir.toString().equals(System.getProperty(property))) {
                    System.clearProperty(property);
                }
            }
            deleteRecursively(baseDir);
        }
    }

    /** Deletes a directory tree; files vanishing meanwhile are fine, a few attempts for stragglers. */
    static void deleteRecursively(Path dir) {
        IOException last = null;
        for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (UncheckedIOException e) {
                last = e.getCause();
            } catch (IOException e) {
                last = e;
            }
        }
        if (Files.exists(dir)) {
            throw new UncheckedIOException("could not delete " + dir,
                    last != null ? last : new IOException("still exists"));
        }
    }

    /**
     * The class loader a real Tomcat puts above each webapp: the JDK, plus from the test class path
     * only the Servlet API, {@code jakarta.annotation} (Tomcat's lib/annotations-api.jar) and Tomcat.
     * Nothing else, and no {@code META-INF/services} files, so no container initialiser or service
     * of the test class path reaches the webapp.
     */
    static final class ContainerOnlyClassLoader extends ClassLoader {

        private static final String[] PACKAGES = {
            "jakarta.servlet.", "jakarta.annotation.", "org.apache.catalina.", "org.apache.coyote.",
            "org.apache.tomcat.", "org.apache.juli.", "org.apache.naming.",
        };

        static {
            registerAsParallelCapable();
        }

        private final ClassLoader container;

        ContainerOnlyClassLoader(ClassLoader container) {
            super("tomcat-container-only", ClassLoader.getPlatformClassLoader());
            this.container = container;
        }

        private static boolean visible(String className) {
            for (String p : PACKAGES) {
                if (className.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean visibleResource(String name) {
            return !name.startsWith("META-INF/") && visible(name.replace('/', '.'));
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (visible(name)) {
                return container.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            return visibleResource(name) ? container.getResource(name) : null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            return visibleResource(name) ? container.getResources(name) : Collections.emptyEnumeration();
        }
    }
}
