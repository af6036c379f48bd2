package dev.octogate.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;

/** WireMock as GitHub, on a random loopback port, with stubs for the usual answers. */
public final class GitHubMock implements AutoCloseable {

    public static final String TOKEN = "gho_testtoken0123456789";
    public static final String USER_JSON = "{\"login\":\"octocat\",\"id\":583231,\"name\":\"The Octocat\","
            + "\"avatar_url\":\"https://avatars.githubusercontent.com/u/583231?v=4\","
            + "\"html_url\":\"https://github.com/octocat\",\"type\":\"User\"}";

    public final WireMockServer server;

    public GitHubMock() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(100));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The token endpoint hands out {@link #TOKEN}, and {@code /user} answers for it as octocat. */
    public GitHubMock happyPath() {
        stubToken("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"\"}");
        stubUser(USER_JSON);
        return this;
    }

    public void stubToken(String json) {
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).willReturn(okJson(json)));
    }

    public void stubUser(String json) {
        server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(json).withHeader("ETag", "W/\"etag-1\"")));
        server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("If-None-Match", equalTo("W/\"etag-1\""))
                .willReturn(aResponse().withStatus(304)));
    }

    /**
     * Another account: the code {@code code} is exchanged for {@code token}, for which {@code /user}
     * answers as {@code login} (id {@code id}) and {@code /user/emails} with {@code emails} (verified).
     */
    public void addUser(String code, String token, String login, long id, String... emails) {
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code=" + code + "&"))
                .atPriority(1)
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
                        + "\"scope\":\"read:org,user:email\"}")));
        server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"login\":\"" + login + "\",\"id\":" + id + ",\"name\":null,"
                        + "\"avatar_url\":null,\"html_url\":\"https://github.com/" + login + "\",\"type\":\"User\"}")
                        .withHeader("X-OAuth-Scopes", "read:org, user:email")));
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < emails.length; i++) {
            list.append(i == 0 ? "" : ",").append("{\"email\":\"").append(emails[i]).append("\",\"primary\":")
                    .append(i == 0).append(",\"verified\":true,\"visibility\":null}");
        }
        list.append(",{\"email\":\"unverified@example.org\",\"primary\":false,\"verified\":false}]");
        server.stubFor(get(urlPathEqualTo("/user/emails")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(emails.length == 0 ? "[]" : list.toString())));
        server.stubFor(get(urlPathEqualTo("/user/orgs")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/user/teams")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[]")));
    }

    @Override
    public void close() {
        server.stop();
    }
}
