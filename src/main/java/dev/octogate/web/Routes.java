package dev.octogate.web;

import static dev.octogate.web.http.Access.ADMIN;
import static dev.octogate.web.http.Access.ANYONE;
import static dev.octogate.web.http.Access.SIGNED_IN;
import static dev.octogate.web.http.Route.files;
import static dev.octogate.web.http.Route.get;
import static dev.octogate.web.http.Route.post;

import dev.octogate.web.admin.AdminHandlers;
import dev.octogate.web.cla.ClaHandlers;
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

    static RouteTable table(SignInHandlers signIn, ClaHandlers cla, AdminHandlers admin) {
        return RouteTable.of(
                get(Paths.HOME, SIGNED_IN, cla::home),
                get(Paths.LOGIN, ANYONE, signIn::login),
                get(Paths.CALLBACK, ANYONE, signIn::callback).noReferrer().recovery(Paths.LOGIN, "Start again"),
                get(Paths.LOGOUT, SIGNED_IN, signIn::confirmSignOut),
                post(Paths.LOGOUT, SIGNED_IN, signIn::signOut).recovery(Paths.LOGOUT, "Sign out"),
                get(Paths.SIGNED_OUT, ANYONE, signIn::signedOut),
                get("/api/me", SIGNED_IN, signIn::me),
                get("/health", ANYONE, HealthHandler::up),

                get("/agreements", ANYONE, cla::agreements),
                get("/agreements/{slug}", ANYONE, cla::agreement),
                get("/agreements/{slug}/versions/{n}", ANYONE, cla::version),
                get("/agreements/{slug}/sign", SIGNED_IN, cla::signForm),
                post("/agreements/{slug}/sign", SIGNED_IN, cla::sign),
                get("/signatures/{id}", SIGNED_IN, cla::receipt),
                get("/signatures/{id}.txt", SIGNED_IN, cla::receiptText),
                post("/signatures/{id}/revoke", SIGNED_IN, cla::revoke),
                get("/api/agreements", ANYONE, cla::apiAgreements),
                get("/api/me/signatures", SIGNED_IN, cla::apiMySignatures),

                get("/admin", ADMIN, admin::toOverview),
                get("/admin/", ADMIN, admin::overview),
                post("/admin/agreements", ADMIN, admin::createAgreement).recovery("/admin/", "Back to the admin page"),
                get("/admin/agreements/{slug}", ADMIN, admin::agreement),
                post("/admin/agreements/{slug}/versions", ADMIN, admin::publish)
                        .recovery("/admin/", "Back to the admin page"),
                get("/admin/agreements/{slug}/signatures.csv", ADMIN, admin::csv),
                get("/admin/agreements/{slug}/signatures.json", ADMIN, admin::json),
                post("/admin/repositories", ADMIN, admin::mapRepository).recovery("/admin/", "Back to the admin page"),
                post("/admin/repositories/delete", ADMIN, admin::unmapRepository)
                        .recovery("/admin/", "Back to the admin page"),
                get("/admin/audit", ADMIN, admin::audit),

                files("/static/*"),
                files("/favicon.ico"));
    }
}
