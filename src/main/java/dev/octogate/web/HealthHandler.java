package dev.octogate.web;

import dev.octogate.web.http.Exchange;
import java.io.IOException;

/** {@code GET /health}: {@code {"status":"UP"}} while the app is deployed. It calls neither GitHub nor anything else. */
final class HealthHandler {

    private static final String UP = "{\"status\":\"UP\"}";

    private HealthHandler() {
    }

    static void up(Exchange exchange) throws IOException {
        exchange.json(200, UP);
    }
}
