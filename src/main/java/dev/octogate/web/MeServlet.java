package dev.octogate.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /api/me}: the signed-in user as JSON. */
final class MeServlet extends HttpServlet {

    private final transient Octogate app;

    MeServlet(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        app.responses.json(response, 200, SignInGuardFilter.user(request).profile());
    }
}
