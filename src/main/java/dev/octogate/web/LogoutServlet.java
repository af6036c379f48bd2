package dev.octogate.web;

import dev.octogate.auth.SignOut;
import dev.octogate.auth.SignedInUser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /logout} signs out, given the page's anti-CSRF token; {@code GET /logout} only shows
 * a sign-out button (a link or an image must not sign anyone out).
 */
final class LogoutServlet extends HttpServlet {

    private final transient Octogate app;

    LogoutServlet(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        app.responses.html(response, 200, Pages.confirmSignOut(app.urls.root(request), SignInGuardFilter.user(request)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedInUser user = SignInGuardFilter.user(request);
        if (!SignOut.csrfTokenMatches(user, request.getParameter("csrf"))) {
            app.responses.error(request, response, 403, "csrf_token_invalid", "Sign-out not confirmed",
                    "This sign-out request did not come from this site's sign-out button, so you are still signed in.",
                    Pages.link(app.urls.path(request, "/logout"), "Sign out"));
            return;
        }
        app.signOut.signOut(user);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (!app.settings.clearSiteData().isEmpty()) {
            response.setHeader("Clear-Site-Data", app.settings.clearSiteData());
        }
        Responses.redirect(response, 303, app.urls.path(request, "/signed-out"));
    }
}
