package dev.octogate.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;

/** {@code GET /login[?next=PATH]}: starts a sign-in and sends the browser to GitHub. */
final class LoginServlet extends HttpServlet {

    private final transient Octogate app;

    LoginServlet(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        URI redirectUri = app.urls.callback(request);
        URI authorize = app.signInStart.start(HttpSessionAttributes.create(request, app.locks),
                request.getParameter("next"), redirectUri, "select_account".equals(request.getParameter("prompt")));
        Responses.redirect(response, 302, authorize.toString());
    }
}
