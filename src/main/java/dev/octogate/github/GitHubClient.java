package dev.octogate.github;

import dev.octogate.config.Settings;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * GitHub's OAuth and REST endpoints, as Octogate uses them. Every method makes exactly the calls
 * its name says, once (see {@link GitHubTransport} on the one resend the HTTP client makes of a
 * GET on a connection found closed); failures come back as {@link GitHubException}.
 */
public class GitHubClient implements AutoCloseable {

    private static final String USER_AGENT = "Octogate";
    private static final String API_JSON = "application/vnd.github+json";
    private static final String API_VERSION = "2022-11-28";
    /** Pages of orgs or teams read at most (100 each): beyond that an allow-list check gives up. */
    private static final int MAX_PAGES = 20;
    private static final Type ORGS = new ArrayList<Organization>() { }.getClass().getGenericSuperclass();
    private static final Type TEAMS = new ArrayList<Team>() { }.getClass().getGenericSuperclass();

    /** The answer of a (conditional) {@code GET /user}. */
    public record UserLookup(GitHubUser user, String etag, List<String> grantedScopes, boolean notModified) {
    }

    private final Settings settings;
    private final GitHubTransport transport;
    private final Clock clock;
    /** Built on first use: Yasson's start-up is not the context's. */
    private volatile Jsonb jsonb;

    public GitHubClient(Settings settings, GitHubTransport transport, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.clock = clock;
    }

    /** Exchanges an authorization code (single-use: never retried). */
    public TokenGrant exchangeCode(String code, URI redirectUri, String codeVerifier) throws GitHubException {
        Form form = new Form()
                .param("client_id", settings.clientId())
                .param("client_secret", settings.clientSecret().value())
                .param("code", code)
                .param("redirect_uri", redirectUri.toString())
                .param("code_verifier", codeVerifier);
        return token("POST /login/oauth/access_token", form);
    }

    /** Trades a refresh token for a new access token (GitHub App user tokens). */
    public TokenGrant refresh(String refreshToken) throws GitHubException {
        Form form = new Form()
                .param("client_id", settings.clientId())
                .param("client_secret", settings.clientSecret().value())
                .param("grant_type", "refresh_token")
                .param("refresh_token", refreshToken);
        return token("POST /login/oauth/access_token (refresh)", form);
    }

    private TokenGrant token(String what, Form form) throws GitHubException {
        GitHubTransport.Answer answer = transport.call(what, client -> client.target(settings.tokenUrl())
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header("User-Agent", USER_AGENT)
                .buildPost(Entity.form(form)));
        if (answer.status() >= 500) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": GitHub answered HTTP " + answer.status());
        }
        TokenResponse body = parse(what, answer, TokenResponse.class);
        if (body.error() != null && !body.error().isBlank()) {
            throw GitHubException.oauth(body.error(), what + ": GitHub refused with " + body.error()
                    + (body.errorDescription() == null ? "" : " (" + body.errorDescription() + ")"));
        }
        if (answer.status() != 200 || body.accessToken() == null || body.accessToken().isBlank()) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER,
                    what + ": HTTP " + answer.status() + " without an access_token");
        }
        Instant now = clock.instant();
        return new TokenGrant(body.accessToken(), splitScopes(body.scope()),
                body.expiresIn() == null || body.expiresIn() <= 0 ? null : now.plusSeconds(body.expiresIn()),
                blankToNull(body.refreshToken()),
                body.refreshTokenExpiresIn() == null || body.refreshTokenExpiresIn() <= 0
                        ? null : now.plusSeconds(body.refreshTokenExpiresIn()));
    }

    /**
     * {@code GET /user}, conditional when an ETag from an earlier answer is given (a {@code 304}
     * does not count against the rate limit).
     */
    public UserLookup user(String accessToken, String etag) throws GitHubException {
        String what = "GET /user";
        GitHubTransport.Answer answer = transport.call(what, client -> {
            Invocation.Builder request = api(client, settings.apiUrl() + "/user", accessToken);
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            return request.buildGet();
        });
        if (answer.status() == 304 && etag != null) {
            return new UserLookup(null, etag, null, true);
        }
        expectOk(what, answer);
        GitHubUser user = parse(what, answer, GitHubUser.class);
        if (user.login() == null || user.login().isBlank() || user.id() <= 0) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": answer without login or id");
        }
        List<String> scopes = answer.grantedScopes() == null ? null : splitScopes(answer.grantedScopes());
        return new UserLookup(user, answer.etag(), scopes, false);
    }

    /** Logins of the organisations the user belongs to ({@code GET /user/orgs}, every page). */
    public List<String> organizations(String accessToken) throws GitHubException {
        List<String> logins = new ArrayList<>();
        for (Object page : pages("GET /user/orgs", settings.apiUrl() + "/user/orgs?per_page=100", accessToken, ORGS)) {
            @SuppressWarnings("unchecked") List<Organization> orgs = (List<Organization>) page;
            orgs.stream().map(Organization::login).forEach(logins::add);
        }
        return logins;
    }

    /** {@code org/team-slug} of the teams the user belongs to ({@code GET /user/teams}, every page). */
    public List<String> teams(String accessToken) throws GitHubException {
        List<String> names = new ArrayList<>();
        for (Object page : pages("GET /user/teams", settings.apiUrl() + "/user/teams?per_page=100", accessToken, TEAMS)) {
            @SuppressWarnings("unchecked") List<Team> teams = (List<Team>) page;
            teams.stream().map(Team::qualifiedName).forEach(names::add);
        }
        return names;
    }

    private List<Object> pages(String what, String firstUrl, String accessToken, Type type) throws GitHubException {
        List<Object> pages = new ArrayList<>();
        String url = firstUrl;
        for (int i = 0; i < MAX_PAGES && url != null; i++) {
            String target = url;
            GitHubTransport.Answer answer = transport.call(what, client -> api(client, target, accessToken).buildGet());
            expectOk(what, answer);
            pages.add(parse(what, answer, type));
            Link next = answer.next();
            url = next == null ? null : sameOrigin(next.getUri());
        }
        if (url != null) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": more than " + MAX_PAGES + " pages");
        }
        return pages;
    }

    /** Follows a pagination link only to the API's own host: the token must not travel elsewhere. */
    private String sameOrigin(URI next) throws GitHubException {
        URI api = settings.apiUrl();
        if (!api.getScheme().equalsIgnoreCase(next.getScheme()) || !api.getHost().equalsIgnoreCase(next.getHost())
                || api.getPort() != next.getPort()) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, "pagination link to another host refused");
        }
        return next.toString();
    }

    /**
     * Revokes the user's whole grant for this app ({@code DELETE /applications/{client_id}/grant}),
     * so that the next sign-in asks again.
     */
    public void revokeGrant(String accessToken) throws GitHubException {
        String what = "DELETE /applications/{client_id}/grant";
        String basic = Base64.getEncoder().encodeToString(
                (settings.clientId() + ":" + settings.clientSecret().value()).getBytes(StandardCharsets.UTF_8));
        String body = jsonb().toJson(Map.of("access_token", accessToken));
        GitHubTransport.Answer answer = transport.call(what, client -> client
                .target(settings.apiUrl() + "/applications/" + settings.clientId() + "/grant")
                .request()
                .header("Authorization", "Basic " + basic)
                .header("Accept", API_JSON)
                .header("User-Agent", USER_AGENT)
                .header("X-GitHub-Api-Version", API_VERSION)
                .build("DELETE", Entity.entity(body, MediaType.APPLICATION_JSON_TYPE)));
        if (answer.status() != 204 && answer.status() != 200 && answer.status() != 404) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": GitHub answered HTTP " + answer.status());
        }
    }

    private static Invocation.Builder api(jakarta.ws.rs.client.Client client, String url, String accessToken) {
        return client.target(url)
                .request()
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", API_JSON)
                .header("User-Agent", USER_AGENT)
                .header("X-GitHub-Api-Version", API_VERSION);
    }

    private static void expectOk(String what, GitHubTransport.Answer answer) throws GitHubException {
        if (answer.status() == 401) {
            throw new GitHubException(GitHubException.Kind.UNAUTHORIZED, what + ": token not accepted (HTTP 401)");
        }
        if (answer.status() != 200) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": GitHub answered HTTP " + answer.status());
        }
    }

    private <T> T parse(String what, GitHubTransport.Answer answer, Type type) throws GitHubException {
        if (answer.contentType().contains("html")) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER,
                    what + ": HTTP " + answer.status() + " with an HTML page instead of JSON");
        }
        try {
            T value = jsonb().fromJson(new String(answer.body(), StandardCharsets.UTF_8), type);
            if (value == null) {
                throw new JsonbException("empty");
            }
            return value;
        } catch (RuntimeException e) { // Yasson throws JsonbException, parsers JsonException
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER,
                    what + ": HTTP " + answer.status() + " with a body that is not the expected JSON", e);
        }
    }

    private static List<String> splitScopes(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scopes.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Jsonb jsonb() {
        Jsonb j = jsonb;
        if (j == null) {
            synchronized (this) {
                j = jsonb;
                if (j == null) {
                    j = JsonbBuilder.create();
                    jsonb = j;
                }
            }
        }
        return j;
    }

    @Override
    public void close() {
        transport.close();
        Jsonb j = jsonb;
        if (j != null) {
            try {
                j.close();
            } catch (Exception e) {
                // nothing to do at shutdown
            }
        }
    }
}
