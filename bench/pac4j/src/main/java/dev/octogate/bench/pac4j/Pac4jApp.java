package dev.octogate.bench.pac4j;

import com.github.scribejava.apis.GitHubApi;
import com.github.scribejava.core.model.Token;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;
import org.pac4j.core.http.url.DefaultUrlResolver;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.util.generator.RandomValueGenerator;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.JEEFrameworkParameters;
import org.pac4j.jee.context.session.JEESessionStoreFactory;
import org.pac4j.jee.filter.CallbackFilter;
import org.pac4j.jee.filter.SecurityFilter;
import org.pac4j.jee.util.FilterHelper;
import org.pac4j.oauth.client.GitHubClient;
import org.pac4j.oauth.client.OAuth20Client;
import org.pac4j.oauth.config.OAuthConfiguration;
import org.pac4j.oauth.profile.github.GitHubProfile;
import org.pac4j.oauth.profile.github.GitHubProfileDefinition;

/**
 * Sign in with GitHub through pac4j, the way its documentation shows, for {@code bench/run} to compare
 * with Octogate: pac4j's {@link SecurityFilter} (its default matchers and authorizers, profiles in the
 * HttpSession through its JEE session store) on {@code /} and {@code /api/me}, its
 * {@link CallbackFilter} on {@code /callback}, and one OAuth 2.0 client set up as pac4j's
 * {@link GitHubClient} sets itself up, except for GitHub's addresses (which GitHubClient hardcodes to
 * github.com) and the {@code state} parameter (which it leaves off). The settings are Octogate's:
 * the context init-parameters {@code github.client-id}, {@code github.client-secret},
 * {@code github.url} and {@code github.api-url}.
 */
@WebListener
public final class Pac4jApp implements ServletContextListener {

    static final String CLIENT = "GitHubClient";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        OAuth20Client github = new OAuth20Client();
        github.setName(CLIENT);
        github.setKey(setting(context, "github.client-id"));
        github.setSecret(setting(context, "github.client-secret"));
        var oauth = github.getConfiguration();
        oauth.setApi(new GitHubAt(setting(context, "github.url")));
        oauth.setProfileDefinition(new GitHubProfileAt(setting(context, "github.api-url")));
        oauth.setScope(GitHubClient.DEFAULT_SCOPE);
        oauth.setTokenAsHeader(true);
        // pac4j sends no state by default, which leaves the sign-in open to login CSRF; with it on, its
        // default generator makes 10 hex digits: 32 of them, 128 bits.
        oauth.setWithState(true);
        oauth.setStateGenerator(new RandomValueGenerator(32));

        // The callback URL is relative (the app's address is the request's), so pac4j must complete it.
        Clients clients = new Clients(context.getContextPath() + "/callback", github);
        clients.setUrlResolver(new DefaultUrlResolver(true));
        Config config = new Config(clients);

        FilterHelper filters = new FilterHelper(context);
        filters.addFilterMapping("callbackFilter", new CallbackFilter(config), "/callback");
        filters.addFilterMapping("securityFilter", new SecurityFilter(config, CLIENT), "", "/api/me");
    }

    /** The signed-in user, behind the {@link SecurityFilter}. */
    static GitHubProfile user(HttpServletRequest request, HttpServletResponse response) {
        var sessionStore = JEESessionStoreFactory.INSTANCE.newSessionStore(new JEEFrameworkParameters(request, response));
        return new ProfileManager(new JEEContext(request, response), sessionStore).getProfile(GitHubProfile.class)
                .orElseThrow(() -> new IllegalStateException("not signed in"));
    }

    private static String setting(ServletContext context, String name) {
        String value = context.getInitParameter(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing context init-parameter " + name);
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** ScribeJava's GitHub API (as GitHubClient uses it) at another address. */
    static final class GitHubAt extends GitHubApi {
        private final String url;

        GitHubAt(String url) {
            this.url = url;
        }

        @Override
        public String getAccessTokenEndpoint() {
            return url + "/login/oauth/access_token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return url + "/login/oauth/authorize";
        }
    }

    /** pac4j's GitHub profile, read from another API address. */
    static final class GitHubProfileAt extends GitHubProfileDefinition {
        private final String apiUrl;

        GitHubProfileAt(String apiUrl) {
            this.apiUrl = apiUrl;
        }

        @Override
        public String getProfileUrl(Token accessToken, OAuthConfiguration configuration) {
            return apiUrl + "/user";
        }
    }
}
