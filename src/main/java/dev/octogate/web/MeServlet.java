package dev.octogate.web;

import dev.octogate.github.GitHubUser;
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
        GitHubUser user = SignInGuardFilter.user(request).profile();
        app.responses.json(response, 200, JsonText.object()
                .field("login", user.login())
                .field("id", user.id())
                .field("name", user.name())
                .field("avatar_url", user.avatarUrl())
                .field("html_url", user.htmlUrl())
                .end());
    }
}
