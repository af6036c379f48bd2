package dev.octogate.github;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Invocation;
import java.util.Arrays;
import java.util.List;

/** What every REST API request sends, and how every answer is first judged. */
final class ApiRequests {

    static final String USER_AGENT = "Octogate";
    static final String API_JSON = "application/vnd.github+json";
    static final String API_VERSION = "2022-11-28";

    private ApiRequests() {
    }

    /** A REST API request with the given {@code Authorization} header value. */
    static Invocation.Builder request(Client client, String url, String authorization) {
        return client.target(url)
                .request()
                .header("Authorization", authorization)
                .header("Accept", API_JSON)
                .header("User-Agent", USER_AGENT)
                .header("X-GitHub-Api-Version", API_VERSION);
    }

    static void expectOk(String what, GitHubTransport.Answer answer) throws GitHubException {
        if (answer.status() == 401) {
            throw new GitHubException(GitHubException.Kind.UNAUTHORIZED, what + ": token not accepted (HTTP 401)");
        }
        if (answer.status() == 403) { // the rate limit's 403 was told apart already (GitHubTransport)
            throw new GitHubException(GitHubException.Kind.FORBIDDEN, what + ": GitHub refused the account (HTTP 403)");
        }
        if (answer.status() != 200) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": GitHub answered HTTP " + answer.status());
        }
    }

    /** GitHub's scope lists: comma or space separated. */
    static List<String> splitScopes(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scopes.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
