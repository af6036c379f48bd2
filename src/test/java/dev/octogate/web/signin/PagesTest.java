package dev.octogate.web.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.signin.SignInResult;
import dev.octogate.signin.Refusal;
import dev.octogate.web.http.ErrorPage;
import dev.octogate.web.http.Link;
import dev.octogate.web.http.Views;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sign-in's pages as their templates render them: what they show, and that every value is escaped. */
class PagesTest {

    static final Views VIEWS = new Views();

    static String render(dev.octogate.web.http.Page page) {
        return new String(VIEWS.render(page), StandardCharsets.UTF_8);
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
