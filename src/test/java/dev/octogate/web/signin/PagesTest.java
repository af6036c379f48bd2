package dev.octogate.web.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.github.GitHubUser;
import dev.octogate.signin.SignInResult;
import dev.octogate.signin.SignedInUser;
import dev.octogate.signin.Refusal;
import dev.octogate.web.http.ErrorPage;
import dev.octogate.web.http.Link;
import dev.octogate.web.http.Views;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sign-in's pages as their templates render them: what they show, and that every value is escaped. */
class PagesTest {

    static final Views VIEWS = new Views();

    static String render(dev.octogate.web.http.Page page) {
        return new String(VIEWS.render(page), StandardCharsets.UTF_8);
    }

    static SignedInUser user(GitHubUser profile) {
        return new SignedInUser(profile, "gho_token", List.of(), null, null, null, Instant.EPOCH, Instant.EPOCH,
                "the-csrf-token", false);
    }

    @Test
    void homeGreetsWithAvatarNameProfileAndASignOutFormCarryingTheToken() {
        String page = render(HomePage.of("/cla", user(new GitHubUser("octocat", 1, "The Octocat",
                "https://avatars.example/u/1", "https://github.com/octocat"))));
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<title>Hello octocat · Octogate</title>"), page);
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/cla/static/octogate.css\">"), page);
        assertTrue(page.contains("<img class=\"avatar\" src=\"https://avatars.example/u/1\""), page);
        assertTrue(page.contains("<h1>Hello octocat!</h1>"), page);
        assertTrue(page.contains("<p class=\"name\">The Octocat</p>"), page);
        assertTrue(page.contains("<a href=\"https://github.com/octocat\">Your GitHub profile</a>"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"/cla/logout\">"), page);
        assertTrue(page.contains("<input type=\"hidden\" name=\"csrf\" value=\"the-csrf-token\">"), page);
    }

    @Test
    void homeLeavesOutWhatTheAccountDoesNotHave() {
        String page = render(HomePage.of("", user(new GitHubUser("octocat", 1, " ", null, null))));
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("class=\"name\""), page);
        assertFalse(page.contains("Your GitHub profile"), page);
        assertTrue(page.contains("action=\"/logout\""), page);
    }

    @Test
    void everyValueFromGitHubIsEscapedForItsPlace() {
        String page = render(HomePage.of("", user(new GitHubUser("<script>x</script>", 1, "Mona \"&\" <b>Lisa</b>",
                "https://a.example/\"><script>y</script>", "javascript:alert(1)"))));
        assertFalse(page.contains("<script>"), page);
        assertFalse(page.contains("<b>"), page);
        assertTrue(page.contains("&lt;script&gt;x&lt;/script&gt;"), page);
        assertFalse(page.contains("javascript:"), "a profile link is http(s) only: " + page);
        assertFalse(page.contains("\"><script>"), page);
    }

    @Test
    void signOutConfirmationAndSignedOut() {
        String confirm = render(new SignOutPage("/cla", "octocat", "tok"));
        assertTrue(confirm.contains("You are signed in as octocat."), confirm);
        assertTrue(confirm.contains("name=\"csrf\" value=\"tok\""), confirm);
        String out = render(new SignedOutPage("/cla"));
        assertTrue(out.contains("<h1>You are signed out</h1>"), out);
        assertTrue(out.contains("href=\"/cla/login\""), out);
    }

    @Test
    void anErrorPageShowsItsActionsInsideTheApp() {
        String page = render(new ErrorPage("/cla", 400, "Bad <request>", "Because of \"x\".",
                List.of(new Link("/login?next=%2Fa", "Start again"))));
        assertTrue(page.contains("<h1>Bad &lt;request&gt;</h1>"), page);
        assertTrue(page.contains("<a class=\"button\" href=\"/cla/login?next=%2Fa\">Start again</a>"), page);
        assertTrue(page.contains("HTTP 400"), page);
    }

    @Test
    void everyRefusalHasAPageAndOnlyOperatorMistakesOfferNoWayOn() {
        for (Refusal reason : Refusal.values()) {
            SignInResult.Refused refused = new SignInResult.Refused(reason, "/a", "octocat", "some_error",
                    Duration.ofSeconds(7));
            RefusalPages.Answer answer = RefusalPages.of("/cla", refused);
            ErrorPage page = answer.page();
            assertTrue(page.status() >= 400 && page.status() < 600, reason + ": " + page.status());
            boolean operatorsOnly = EnumSet.of(Refusal.APP_REFUSED, Refusal.APP_CREDENTIALS_REJECTED).contains(reason);
            assertEquals(operatorsOnly, page.actions().isEmpty(), reason + ": " + page.actions());
            assertEquals(reason == Refusal.GITHUB_BUSY ? 7 : 0, answer.retryAfterSeconds(), reason.name());
            assertTrue(render(page).contains("HTTP " + page.status()), reason.name());
        }
        Link switchAccount = RefusalPages.of("", new SignInResult.Refused(Refusal.NOT_ALLOWED, "/a", "octocat", null,
                null)).page().actions().get(0);
        assertEquals("/login?next=%2Fa&prompt=select_account", switchAccount.path());
    }
}
