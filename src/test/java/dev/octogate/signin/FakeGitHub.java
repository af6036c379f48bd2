package dev.octogate.signin;

import dev.octogate.github.GitHubException;
import dev.octogate.github.GitHubUser;
import dev.octogate.github.OAuthApp;
import dev.octogate.github.TokenGrant;
import dev.octogate.github.UserApi;
import dev.octogate.github.UserLookup;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub in memory, at the sign-in core's two seams: codes become tokens once, tokens name
 * accounts with their organisations and teams, refresh tokens become new tokens, and any call can
 * be made to fail next. It records every call by name ({@code token}, {@code refresh},
 * {@code revoke}, {@code user}, {@code orgs}, {@code teams}), so tests can say what reached GitHub.
 */
final class FakeGitHub implements OAuthApp, UserApi {

    static final GitHubUser OCTOCAT = new GitHubUser("octocat", 583231, "The Octocat",
            "https://avatars.example/u/583231", "https://github.com/octocat");

    private record Account(GitHubUser user, List<String> orgs, List<String> teams, String etag) {
    }

    private final Map<String, TokenGrant> codes = new HashMap<>();
    private final Map<String, TokenGrant> refreshTokens = new HashMap<>();
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Deque<GitHubException>> failures = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> revoked = new ArrayList<>();
    /** Scopes {@code /user} reports ({@code X-OAuth-Scopes}); null: it reports none. */
    private List<String> grantedScopes;
    String lastVerifier;
    URI lastRedirectUri;

    /** The code hands out this token, for this account (with no organisations or teams). */
    FakeGitHub code(String code, String token, GitHubUser user) {
        return code(code, grant(token), user, List.of(), List.of());
    }

    FakeGitHub code(String code, TokenGrant grant, GitHubUser user, List<String> orgs, List<String> teams) {
        codes.put(code, grant);
        account(grant.accessToken(), user, orgs, teams);
        return this;
    }

    FakeGitHub account(String token, GitHubUser user, List<String> orgs, List<String> teams) {
        accounts.put(token, new Account(user, List.copyOf(orgs), List.copyOf(teams), "W/\"" + user.id() + "\""));
        return this;
    }

    /** The refresh token is exchanged for {@code next} (whose account is the old token's). */
    FakeGitHub refreshes(String refreshToken, String oldToken, TokenGrant next) {
        refreshTokens.put(refreshToken, next);
        Account account = accounts.get(oldToken);
        if (account != null) {
            accounts.put(next.accessToken(), account);
        }
        return this;
    }

    /** The account's profile changes (a new ETag with it). */
    FakeGitHub changeProfile(String token, GitHubUser user) {
        Account old = accounts.get(token);
        accounts.put(token, new Account(user, old.orgs(), old.teams(), "W/\"" + user.id() + "-" + user.login() + "\""));
        return this;
    }

    FakeGitHub reportScopes(List<String> scopes) {
        grantedScopes = scopes;
        return this;
    }

    /** The token no longer works, as after a revocation in GitHub's settings. */
    FakeGitHub revokeToken(String token) {
        accounts.remove(token);
        return this;
    }

    /** The next call of this name fails so. */
    FakeGitHub failNext(String call, GitHubException failure) {
        failures.computeIfAbsent(call, c -> new ArrayDeque<>()).add(failure);
        return this;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    List<String> revokedGrants() {
        return List.copyOf(revoked);
    }

    static TokenGrant grant(String token) {
        return new TokenGrant(token, List.of(), null, null, null);
    }

    static GitHubException failure(GitHubException.Kind kind) {
        return new GitHubException(kind, "fake GitHub: " + kind);
    }

    private void call(String name) throws GitHubException {
        calls.add(name);
        Deque<GitHubException> queued = failures.get(name);
        if (queued != null && !queued.isEmpty()) {
            throw queued.poll();
        }
    }

    @Override
    public TokenGrant exchangeCode(String code, URI redirectUri, String codeVerifier) throws GitHubException {
        call("token");
        lastVerifier = codeVerifier;
        lastRedirectUri = redirectUri;
        TokenGrant grant = codes.remove(code);
        if (grant == null) {
            throw GitHubException.oauth("bad_verification_code", "fake GitHub: unknown code");
        }
        return grant;
    }

    @Override
    public TokenGrant refresh(String refreshToken) throws GitHubException {
        call("refresh");
        TokenGrant next = refreshTokens.remove(refreshToken);
        if (next == null) {
            throw GitHubException.oauth("bad_refresh_token", "fake GitHub: unknown refresh token");
        }
        return next;
    }

    @Override
    public void revokeGrant(String accessToken) throws GitHubException {
        call("revoke");
        revoked.add(accessToken);
    }

    @Override
    public UserLookup user(String accessToken, String etag) throws GitHubException {
        call("user");
        Account account = known(accessToken);
        if (account.etag().equals(etag)) {
            return UserLookup.unchanged(etag);
        }
        return UserLookup.changed(account.user(), account.etag(), grantedScopes);
    }

    @Override
    public List<String> organizations(String accessToken) throws GitHubException {
        call("orgs");
        return known(accessToken).orgs();
    }

    @Override
    public List<String> teams(String accessToken) throws GitHubException {
        call("teams");
        return known(accessToken).teams();
    }

    @Override
    public List<String> verifiedEmails(String accessToken) throws GitHubException {
        call("emails");
        known(accessToken);
        return List.of();
    }

    private Account known(String accessToken) throws GitHubException {
        Account account = accounts.get(accessToken);
        if (account == null) {
            throw new GitHubException(GitHubException.Kind.UNAUTHORIZED, "fake GitHub: token not accepted");
        }
        return account;
    }
}
