package dev.octogate.web;

import dev.octogate.github.GitHubUser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/me}: the signed-in user as JSON. */
final class MeServlet extends HttpServlet {

    private final transient Octogate app;

    MeServlet(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GitHubUser user = SignInGuardFilter.user(request).profile();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("login", user.login());
        me.put("id", user.id());
        me.put("name", user.name());
        me.put("avatar_url", user.avatarUrl());
        me.put("html_url", user.htmlUrl());
        app.responses.json(response, 200, me);
    }
}
