package dev.octogate.web;

import static dev.octogate.web.http.Access.ANYONE;
import static dev.octogate.web.http.Access.SIGNED_IN;
import static dev.octogate.web.http.Route.files;
import static dev.octogate.web.http.Route.get;
import static dev.octogate.web.http.Route.post;

import dev.octogate.web.http.Paths;
import dev.octogate.web.http.RouteTable;
import dev.octogate.web.signin.SignInHandlers;

/**
 * Every path of Octogate, one line each: method, path, who may call it, handler, and where it
 * differs from the defaults (no-store, same-origin referrer, errors offering the start page) its
 * own rules. Everything else follows from this table: the servlets registered, the guard, the
 * headers, the anti-CSRF check. A path not listed is protected and left to the container.
 */
final class Routes {

    private Routes() {
    }

    static RouteTable table(SignInHandlers signIn) {
        return RouteTable.of(
                get(Paths.HOME, SIGNED_IN, signIn::home),
                get(Paths.LOGIN, ANYONE, signIn::login),
                get(Paths.CALLBACK, ANYONE, signIn::callback).noReferrer().recovery(Paths.LOGIN, "Start again"),
                get(Paths.LOGOUT, SIGNED_IN, signIn::confirmSignOut),
                post(Paths.LOGOUT, SIGNED_IN, signIn::signOut).recovery(Paths.LOGOUT, "Sign out"),
                get(Paths.SIGNED_OUT, ANYONE, signIn::signedOut),
                get("/api/me", SIGNED_IN, signIn::me),
                get("/health", ANYONE, HealthHandler::up),
                files("/static/*"),
                files("/favicon.ico"));
    }
}
