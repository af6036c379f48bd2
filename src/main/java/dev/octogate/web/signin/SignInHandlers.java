package dev.octogate.web.signin;

import dev.octogate.signin.PendingSignIns;
import dev.octogate.signin.SignInCompletion;
import dev.octogate.signin.SignInResult;
import dev.octogate.signin.SignInStart;
import dev.octogate.signin.SignOut;
import dev.octogate.web.http.Cookies;
import dev.octogate.web.http.CurrentUser;
import dev.octogate.web.http.Exchange;
import dev.octogate.web.http.HttpSessionAttributes;
import dev.octogate.web.http.JsonText;
import dev.octogate.github.GitHubUser;
import dev.octogate.web.http.Paths;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The sign-in's handlers, each translating one request into a call of the plain-Java core
 * ({@code dev.octogate.signin}) and its answer back into HTTP.
 */
public final class SignInHandlers {

    /** Runs a callback's calls to GitHub within one budget, however many they are. */
    @FunctionalInterface
    public interface CallbackBudget {
        SignInResult spend(Supplier<SignInResult> callback);
    }

    private final SignInStart start;
    private final SignInCompletion completion;
    private final SignOut signOut;
    private final PendingSignInCookies pendingCookies;
    private final CallbackBudget budget;
    /** The {@code Clear-Site-Data} value sent on sign-out; empty sends none. */
    private final String clearSiteData;

    public SignInHandlers(SignInStart start, SignInCompletion completion, SignOut signOut, PendingSignIns pending,
                          Cookies cookies, CallbackBudget budget, String clearSiteData) {
        this.start = start;
        this.completion = completion;
        this.signOut = signOut;
        this.pendingCookies = new PendingSignInCookies(pending, cookies);
        this.budget = budget;
        this.clearSiteData = clearSiteData;
    }

    /** {@code GET /login[?next=PATH]}: starts a sign-in and sends the browser to GitHub. No session is made. */
    public void login(Exchange exchange) {
        URI redirectUri = exchange.urls().callback(exchange.request());
        SignInStart.Started started = start.start(exchange.parameter("next"), redirectUri,
                "select_account".equals(exchange.parameter("prompt")));
        pendingCookies.add(exchange.request(), exchange.response(), started.pending());
        exchange.redirectOffSite(started.authorizeUrl());
    }

    /** {@code GET /callback}: GitHub sends the browser back here; the sign-in is completed or refused. */
    public void callback(Exchange exchange) throws IOException {
        SignInCompletion.Callback callback = new SignInCompletion.Callback(exchange.parameter("state"),
                exchange.parameter("code"), exchange.parameter("error"), exchange.parameter("error_description"));
        PendingSignIns.Taken taken = pendingCookies.take(exchange.request(), exchange.response(), callback.state());
        SignInResult result = budget.spend(() ->
                completion.complete(taken, callback, HttpSessionAttributes.lazy(exchange.request())));
        if (result instanceof SignInResult.Refused refused) {
            RefusalPages.Answer answer = RefusalPages.of(exchange.root(), refused);
            if (answer.retryAfterSeconds() > 0) {
                exchange.response().setHeader("Retry-After", Long.toString(answer.retryAfterSeconds()));
            }
            exchange.page(answer.page().status(), answer.page());
            return;
        }
        exchange.redirect(302, result.next());
    }

    /** {@code GET /api/me}: the signed-in user as JSON. */
    public void me(Exchange exchange) throws IOException {
        GitHubUser user = exchange.user().profile();
        exchange.json(200, JsonText.object()
                .field("login", user.login())
                .field("id", user.id())
                .field("name", user.name())
                .field("avatar_url", user.avatarUrl())
                .field("html_url", user.htmlUrl())
                .end());
    }

    /** {@code GET /logout}: only a sign-out button (a link or an image must not sign anyone out). */
    public void confirmSignOut(Exchange exchange) throws IOException {
        exchange.page(200, new SignOutPage(exchange.root(), exchange.user().login(), exchange.user().csrfToken()));
    }

    /** {@code POST /logout} (its anti-CSRF token already checked): signs out. */
    public void signOut(Exchange exchange) {
        signOut.signOut(exchange.user());
        HttpSession session = exchange.request().getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // another request of this browser signed out at the same moment
            }
        }
        CurrentUser.forget(exchange.request());
        if (!clearSiteData.isEmpty()) {
            exchange.response().setHeader("Clear-Site-Data", clearSiteData);
        }
        exchange.redirect(303, Paths.SIGNED_OUT);
    }

    /** {@code GET /signed-out}: "You are signed out", with a way to sign in again. */
    public void signedOut(Exchange exchange) throws IOException {
        exchange.page(200, new SignedOutPage(exchange.root()));
    }
}
