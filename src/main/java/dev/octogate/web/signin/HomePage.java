package dev.octogate.web.signin;

import dev.octogate.github.GitHubUser;
import dev.octogate.signin.SignedInUser;
import dev.octogate.web.http.Page;
import java.util.Locale;

/**
 * The signed-in user's start page: {@code Hello LOGIN!}, name, avatar, profile link, sign-out.
 *
 * @param name       null when the account has none
 * @param avatarUrl  null when there is none
 * @param profileUrl an http(s) URL, or null: a link from GitHub never becomes {@code javascript:}
 */
public record HomePage(String root, String login, String name, String avatarUrl, String profileUrl, String csrf)
        implements Page {

    static HomePage of(String root, SignedInUser user) {
        GitHubUser profile = user.profile();
        return new HomePage(root, profile.login(), blankToNull(profile.name()), blankToNull(profile.avatarUrl()),
                httpOnly(profile.htmlUrl()), user.csrfToken());
    }

    @Override
    public String template() {
        return "signin/home.jte";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String httpOnly(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : "#";
    }
}
