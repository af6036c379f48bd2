package dev.octogate.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /signed-out}: "You are signed out", with a way to sign in again. */
final class SignedOutServlet extends HttpServlet {

    private final transient Octogate app;

    SignedOutServlet(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        app.responses.html(response, 200, Pages.signedOut(app.urls.root(request)));
    }
}
