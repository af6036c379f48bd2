package dev.octogate.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /}: greets the signed-in user. */
final class IndexServlet extends HttpServlet {

    private final transient Octogate app;

    IndexServlet(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        app.responses.html(response, 200, Pages.index(app.urls.root(request), SignInGuardFilter.user(request)));
    }
}
