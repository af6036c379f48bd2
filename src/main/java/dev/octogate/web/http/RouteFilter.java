package dev.octogate.web.http;

import dev.octogate.signin.SignedInUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Applies the route table's rules to every request before any servlet sees it, in this order:
 * the response headers of its route, the strict-path check, the guard (who may call the route),
 * and for requests that change something the anti-CSRF check. Paths not in the table are
 * protected unless {@code APP_PUBLIC_PATHS} opens them, and left to the container.
 */
public final class RouteFilter extends HttpFilter {

    /** Where the servlet finds the route match this filter made. */
    static final String MATCH = RouteFilter.class.getName() + ".match";

    private final RouteTable table;
    private final PublicPaths publicPaths;
    private final ResponseHeaders headers;
    private final CurrentUser currentUser;
    private final Replies replies;

    public RouteFilter(RouteTable table, PublicPaths publicPaths, ResponseHeaders headers, CurrentUser currentUser,
                       Replies replies) {
        this.table = table;
        this.publicPaths = publicPaths;
        this.headers = headers;
        this.currentUser = currentUser;
        this.replies = replies;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = Requests.pathInApp(request);
        String method = request.getMethod();
        Optional<RouteTable.Match> match = table.match(path);
        Route rules = match.map(m -> m.rules(method)).orElse(null);
        headers.apply(rules, response);

        String problem = StrictPaths.problem(request);
        if (problem != null) {
            replies.error(request, response, 400, "bad_request", "Bad request", problem,
                    rules == null ? List.of() : List.of(rules.recovery()));
            return;
        }

        Access access = match.map(m -> m.access(method))
                .orElseGet(() -> publicPaths.matches(path) ? Access.ANYONE : Access.SIGNED_IN);
        Optional<SignedInUser> user = access.needsSignIn() ? currentUser.of(request) : Optional.empty();
        switch (Guard.decide(access, user)) {
            case SIGN_IN -> {
                signIn(request, response);
                return;
            }
            case FORBIDDEN -> {
                replies.error(request, response, 403, "forbidden", "Not for this account",
                        "This page is for the site's administrators, and you are signed in as "
                                + user.orElseThrow().login() + ".", List.of(new Link(Paths.HOME, "Go to the start page")));
                return;
            }
            case ALLOW -> { }
        }

        Optional<Route> route = match.flatMap(m -> m.forMethod(method));
        if (route.isPresent() && route.get().changesState() && access.needsSignIn()
                && !Csrf.accepts(request, user.orElseThrow())) {
            replies.error(request, response, 403, "csrf_token_invalid", "Not confirmed",
                    "This request did not come from this site's own page, so nothing was done and you are "
                            + "still signed in. Please try again from the page.", List.of(rules.recovery()));
            return;
        }
        match.ifPresent(m -> request.setAttribute(MATCH, m));
        chain.doFilter(request, response);
    }

    /** Browsers go to sign in, coming back here after; anything else gets {@code 401} and never a redirect. */
    private void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AppUrls urls = replies.urls();
        if (Requests.isBrowserNavigation(request)) {
            Replies.redirect(response, 302,
                    urls.path(request, AppUrls.login(Requests.originalTarget(request), false)));
            return;
        }
        replies.json(response, 401, JsonText.object()
                .field("error", "unauthenticated")
                .field("login_url", urls.path(request, Paths.LOGIN))
                .end());
    }
}
