package dev.octogate.github;

import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Link;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link UserApi} over HTTP. Lists are read page by page, following GitHub's {@code Link: next}
 * only to the API's own host, so that the token never travels elsewhere.
 */
final class RestUserApi implements UserApi {

    /** Pages of orgs or teams read at most (100 each): beyond that an allow-list check gives up. */
    private static final int MAX_PAGES = 20;
    private static final Type ORGS = new ArrayList<Organization>() { }.getClass().getGenericSuperclass();
    private static final Type TEAMS = new ArrayList<Team>() { }.getClass().getGenericSuperclass();
    private static final Type EMAILS = new ArrayList<Email>() { }.getClass().getGenericSuperclass();

    private final GitHubSettings settings;
    private final GitHubTransport transport;
    private final GitHubTransport.Share share;
    private final GitHubJson json;

    RestUserApi(GitHubSettings settings, GitHubTransport transport, GitHubTransport.Share share, GitHubJson json) {
        this.settings = settings;
        this.transport = transport;
        this.share = share;
        this.json = json;
    }

    @Override
    public UserLookup user(String accessToken, String etag) throws GitHubException {
        String what = "GET /user";
        GitHubTransport.Answer answer = transport.call(share, what, client -> {
            Invocation.Builder request = ApiRequests.request(client, settings.apiUrl() + "/user", bearer(accessToken));
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            return request.buildGet();
        });
        if (answer.status() == 304 && etag != null) {
            return UserLookup.unchanged(etag);
        }
        ApiRequests.expectOk(what, answer);
        GitHubUser user = json.parse(what, answer, GitHubUser.class);
        if (user.login() == null || user.login().isBlank() || user.id() <= 0) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": answer without login or id");
        }
        List<String> scopes = answer.grantedScopes() == null ? null : ApiRequests.splitScopes(answer.grantedScopes());
        return UserLookup.changed(user, answer.etag(), scopes);
    }

    @Override
    public List<String> organizations(String accessToken) throws GitHubException {
        List<String> logins = new ArrayList<>();
        for (List<Organization> page : this.<Organization>pages("GET /user/orgs",
                settings.apiUrl() + "/user/orgs?per_page=100", accessToken, ORGS)) {
            page.stream().map(Organization::login).forEach(logins::add);
        }
        return logins;
    }

    @Override
    public List<String> teams(String accessToken) throws GitHubException {
        List<String> names = new ArrayList<>();
        for (List<Team> page : this.<Team>pages("GET /user/teams",
                settings.apiUrl() + "/user/teams?per_page=100", accessToken, TEAMS)) {
            page.stream().map(Team::qualifiedName).forEach(names::add);
        }
        return names;
    }

    @Override
    public List<String> verifiedEmails(String accessToken) throws GitHubException {
        List<String> primaryFirst = new ArrayList<>();
        for (List<Email> page : this.<Email>pages("GET /user/emails",
                settings.apiUrl() + "/user/emails?per_page=100", accessToken, EMAILS)) {
            for (Email email : page) {
                if (email.verified() && email.email() != null) {
                    if (email.primary()) {
                        primaryFirst.add(0, email.email());
                    } else {
                        primaryFirst.add(email.email());
                    }
                }
            }
        }
        return primaryFirst;
    }

    private <T> List<List<T>> pages(String what, String firstUrl, String accessToken, Type type)
            throws GitHubException {
        List<List<T>> pages = new ArrayList<>();
        String url = firstUrl;
        for (int i = 0; i < MAX_PAGES && url != null; i++) {
            String target = url;
            GitHubTransport.Answer answer = transport.call(share, what,
                    client -> ApiRequests.request(client, target, bearer(accessToken)).buildGet());
            ApiRequests.expectOk(what, answer);
            pages.add(json.parse(what, answer, type));
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

    private static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }
}
