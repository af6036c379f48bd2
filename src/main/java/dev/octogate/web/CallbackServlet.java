package dev.octogate.web;

import dev.octogate.auth.SignInCompletion;
import dev.octogate.auth.SignInFailure;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /callback}: GitHub sends the browser back here; the sign-in is completed or refused. */
final class CallbackServlet extends HttpServlet {

    private final transient Octogate app;

    CallbackServlet(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignInCompletion.Callback callback = new SignInCompletion.Callback(request.getParameter("state"),
                request.getParameter("code"), request.getParameter("error"), request.getParameter("error_description"));
        SignInCompletion.Outcome outcome = app.signInCompletion.complete(
                HttpSessionAttributes.existing(request, app.locks), callback);
        if (outcome.signedIn()) {
            Responses.redirect(response, 302, app.urls.path(request, outcome.next()));
            return;
        }
        SignInFailure failure = outcome.failure();
        if (failure.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(failure.retryAfter().toSeconds()));
        }
        String actions = "";
        if (failure.reason() == SignInFailure.Reason.NOT_ALLOWED) {
            actions += Pages.link(app.urls.login(request, failure.next(), true), "Sign in with another GitHub account");
        } else if (failure.offersStartAgain()) {
            actions += Pages.link(app.urls.login(request, failure.next()), "Start again");
        }
        app.responses.html(response, failure.status(),
                Pages.error(app.urls.root(request), failure.status(), failure.title(), failure.message(), actions));
    }
}
