package dev.octogate.web.http;

import java.io.IOException;

/** What a route does, once the route's rules (headers, guard, anti-CSRF check) have let the request in. */
@FunctionalInterface
public interface Handler {
    void handle(Exchange exchange) throws IOException;
}
