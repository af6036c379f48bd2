package dev.octogate.testing;

import java.net.URI;

/** An app deployed for a test on a loopback port under a context path ({@code "/"} for the root). */
public interface DeployedApp extends AutoCloseable {

    int port();

    /** The context path as deployed: {@code "/"} or {@code "/cla"}. */
    String deployedContextPath();

    /** The app's root URL including its context path, without a trailing slash. */
    default URI base() {
        return URI.create("http://localhost:" + port() + contextPath());
    }

    /** The context path as the Servlet API gives it: {@code ""} for the root. */
    default String contextPath() {
        return deployedContextPath().equals("/") ? "" : deployedContextPath();
    }
}
