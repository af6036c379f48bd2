package dev.octogate.github;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where a sign-in sends the browser: GitHub's authorize endpoint with the app's client id, its
 * callback, the scopes, the {@code state} and the PKCE challenge (method S256).
 *
 * @param selectAccount ask GitHub to offer another account ({@code prompt=select_account})
 */
public record AuthorizeRequest(URI endpoint, String clientId, URI redirectUri, String scope, String state,
                               String codeChallenge, boolean selectAccount) {

    public URI toUri() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", scope);
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        if (selectAccount) {
            query.put("prompt", "select_account");
        }
        StringJoiner joined = new StringJoiner("&");
        // Spaces as %20, as GitHub documents its scope lists.
        query.forEach((name, value) -> joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")));
        return URI.create(endpoint + "?" + joined);
    }

    @Override
    public String toString() {
        return "AuthorizeRequest[" + endpoint + ", redirectUri=" + redirectUri + "]"; // never the state
    }
}
