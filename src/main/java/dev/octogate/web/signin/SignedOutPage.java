package dev.octogate.web.signin;

import dev.octogate.web.http.Page;

/** "You are signed out", with a way to sign in again. */
public record SignedOutPage(String root) implements Page {

    @Override
    public String template() {
        return "signin/signedOut.jte";
    }
}
