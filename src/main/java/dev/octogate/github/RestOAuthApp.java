package dev.octogate.github;

import dev.octogate.log.LogText;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * {@link OAuthApp} over HTTP. GitHub's token endpoint answers its errors with HTTP 200 and an
 * {@code error} field, so every answer is read first and told apart after. The secret goes in
 * form bodies and the Basic header only, never in a URL.
 */
final class RestOAuthApp implements OAuthApp {

    private final GitHubSettings settings;
    private final GitHubTransport transport;
    private final GitHubTransport.Share share;
    private final GitHubJson json;
    private final Clock clock;

    RestOAuthApp(GitHubSettings settings, GitHubTransport transport, GitHubTransport.Share share, GitHubJson json,
                 Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.share = share;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public TokenGrant exchangeCode(String code, URI redirectUri, String codeVerifier) throws GitHubException {
        Form form = new Form()
                .param("client_id", settings.clientId())
                .param("client_secret", settings.clientSecret().value())
                .param("code", code)
                .param("redirect_uri", redirectUri.toString())
                .param("code_verifier", codeVerifier);
        return token("POST /login/oauth/access_token", form);
    }

    @Override
    public TokenGrant refresh(String refreshToken) throws GitHubException {
        Form form = new Form()
                .param("client_id", settings.clientId())
                .param("client_secret", settings.clientSecret().value())
                .param("grant_type", "refresh_token")
                .param("refresh_token", refreshToken);
        return token("POST /login/oauth/access_token (refresh)", form);
    }

    private TokenGrant token(String what, Form form) throws GitHubException {
        GitHubTransport.Answer answer = transport.call(share, what, client -> client.target(settings.tokenUrl())
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header("User-Agent", ApiRequests.USER_AGENT)
                .buildPost(Entity.form(form)));
        if (answer.status() >= 500) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": GitHub answered HTTP " + answer.status());
        }
        TokenResponse body = json.parse(what, answer, TokenResponse.class);
        if (body.error() != null && !body.error().isBlank()) {
            // GitHub's words, cleaned here: the message goes into log lines.
            throw GitHubException.oauth(body.error(), what + ": GitHub refused with " + LogText.clean(body.error())
                    + (body.errorDescription() == null ? "" : " (" + LogText.clean(body.errorDescription()) + ")"));
        }
        if (answer.status() != 200 || body.accessToken() == null || body.accessToken().isBlank()) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER,
                    what + ": HTTP " + answer.status() + " without an access_token");
        }
        Instant now = clock.instant();
        return new TokenGrant(body.accessToken(), ApiRequests.splitScopes(body.scope()),
                body.expiresIn() == null || body.expiresIn() <= 0 ? null : now.plusSeconds(body.expiresIn()),
                blankToNull(body.refreshToken()),
                body.refreshTokenExpiresIn() == null || body.refreshTokenExpiresIn() <= 0
                        ? null : now.plusSeconds(body.refreshTokenExpiresIn()));
    }

    @Override
    public void revokeGrant(String accessToken) throws GitHubException {
        String what = "DELETE /applications/{client_id}/grant";
        String basic = Base64.getEncoder().encodeToString(
                (settings.clientId() + ":" + settings.clientSecret().value()).getBytes(StandardCharsets.UTF_8));
        String body = json.toJson(Map.of("access_token", accessToken));
        GitHubTransport.Answer answer = transport.call(share, what, client -> ApiRequests
                .request(client, settings.apiUrl() + "/applications/" + settings.clientId() + "/grant", "Basic " + basic)
                .build("DELETE", Entity.entity(body, MediaType.APPLICATION_JSON_TYPE)));
        if (answer.status() != 204 && answer.status() != 200 && answer.status() != 404) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": GitHub answered HTTP " + answer.status());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
