package dev.octogate.web.signin;

import dev.octogate.web.http.Page;

/** {@code GET /logout}: a button, since a link or an image must not sign anyone out. */
public record SignOutPage(String root, String login, String csrf) implements Page {

    @Override
    public String template() {
        return "signin/signOut.jte";
    }
}
