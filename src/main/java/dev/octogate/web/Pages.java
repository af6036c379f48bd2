package dev.octogate.web;

import dev.octogate.auth.SignedInUser;

/**
 * The HTML pages. Every value that came from a request or from GitHub goes through
 * {@link Html#escape}. Pages use only the app's own stylesheet (no inline script or style), so
 * the Content-Security-Policy can forbid everything else.
 */
final class Pages {

    private Pages() {
    }

    /** A whole page around {@code body}, which must already be escaped. */
    static String layout(String root, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + " · Octogate</title>\n"
                + "<link rel=\"icon\" href=\"" + Html.escape(root) + "/static/favicon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"stylesheet\" href=\"" + Html.escape(root) + "/static/octogate.css\">\n"
                + "</head>\n<body>\n<main>\n" + body + "\n</main>\n</body>\n</html>\n";
    }

    static String index(String root, SignedInUser user) {
        var profile = user.profile();
        String avatar = profile.avatarUrl() == null || profile.avatarUrl().isBlank() ? ""
                : "<img class=\"avatar\" src=\"" + Html.escape(profile.avatarUrl()) + "\" alt=\"\" width=\"96\" height=\"96\">\n";
        String name = profile.name() == null || profile.name().isBlank() ? ""
                : "<p class=\"name\">" + Html.escape(profile.name()) + "</p>\n";
        String link = profile.htmlUrl() == null ? ""
                : "<p><a href=\"" + Html.escape(safeLink(profile.htmlUrl())) + "\">Your GitHub profile</a></p>\n";
        return layout(root, "Hello " + profile.login(), avatar
                + "<h1>Hello " + Html.escape(profile.login()) + "!</h1>\n" + name + link
                + signOutForm(root, user));
    }

    static String signOutForm(String root, SignedInUser user) {
        return "<form method=\"post\" action=\"" + Html.escape(root) + "/logout\">\n"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(user.csrfToken()) + "\">\n"
                + "<button type=\"submit\">Sign out</button>\n</form>";
    }

    static String confirmSignOut(String root, SignedInUser user) {
        return layout(root, "Sign out", "<h1>Sign out?</h1>\n<p>You are signed in as "
                + Html.escape(user.login()) + ".</p>\n" + signOutForm(root, user));
    }

    static String signedOut(String root) {
        return layout(root, "Signed out", "<h1>You are signed out</h1>\n"
                + "<p><a class=\"button\" href=\"" + Html.escape(root) + "/login\">Sign in with GitHub</a></p>");
    }

    /**
     * An error page.
     *
     * @param actions already-built links, or empty
     */
    static String error(String root, int status, String title, String message, String actions) {
        return layout(root, title, "<h1>" + Html.escape(title) + "</h1>\n<p>" + Html.escape(message) + "</p>\n"
                + actions + "<p class=\"status\">HTTP " + status + "</p>");
    }

    static String link(String href, String text) {
        return "<p><a class=\"button\" href=\"" + Html.escape(href) + "\">" + Html.escape(text) + "</a></p>\n";
    }

    /** Only http(s) links from GitHub become links: never {@code javascript:}. */
    private static String safeLink(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : "#";
    }
}
