package dev.octogate.web;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.octogate.testing.ClusterNode;
import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.LogCapture;
import dev.octogate.testing.PrivatePostgres;
import dev.octogate.testing.RawHttp;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's "Running several nodes": two nodes (the packaged WAR on two Jetty 12 servers, same settings, same
 * context path) share sessions through Jetty's JDBC session store on a real PostgreSQL, with no
 * sticky sessions: a sign-in started on one node finishes on the other, the signed-in session
 * (under the id changed at sign-in) works on both, and survives a restart of a node.
 *
 * <p>Needs PostgreSQL's server binaries ({@code /usr/lib/postgresql/VERSION/bin}); without them the
 * tests are skipped, saying how to install them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String CONTEXT = "/cla";
    static final String DATABASE = "octogate_sessions";

    static PrivatePostgres postgres;
    static String jdbcUrl;
    static GitHubMock github;
    static Map<String, String> settings;
    static ClusterNode nodeA;
    static ClusterNode nodeB;
    TestBrowser browser;

    @BeforeAll
    static void startCluster() throws Exception {
        Optional<Path> bin = PrivatePostgres.findBinaries();
        if (bin.isEmpty()) {
            System.out.println("ClusterIT SKIPPED: no PostgreSQL server found under /usr/lib/postgresql/*/bin"
                    + " - install it with: apt-get install -y postgresql");
        }
        assumeTrue(bin.isPresent(), "PostgreSQL is not installed (apt-get install -y postgresql)");
        Optional<String> whyNot = PrivatePostgres.whyNotRunnable();
        whyNot.ifPresent(reason -> System.out.println("ClusterIT SKIPPED: cannot run PostgreSQL here: " + reason));
        assumeTrue(whyNot.isEmpty(), () -> "cannot run PostgreSQL: " + whyNot.orElse(""));

        postgres = PrivatePostgres.start(bin.get());
        jdbcUrl = postgres.createDatabase(DATABASE);
        github = new GitHubMock();
        settings = WarServer.settings(github.uri());
        // One after the other: the first creates the session table.
        nodeA = ClusterNode.start("nodeA", 0, CONTEXT, settings, jdbcUrl);
        nodeB = ClusterNode.start("nodeB", 0, CONTEXT, settings, jdbcUrl);
        assertTrue(nodeA.available(), "node A deployed the WAR");
        assertTrue(nodeB.available(), "node B deployed the WAR");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            for (AutoCloseable c : new AutoCloseable[] {nodeA, nodeB, github}) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        System.err.println("stopping " + c + ": " + e);
                    }
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @BeforeEach
    void fresh() {
        github.server.resetAll();
        github.happyPath();
        browser = new TestBrowser();
    }

    static URI url(ClusterNode node, String path) {
        return URI.create(node.base() + path);
    }

    /** GET /login on a node; returns GitHub's authorize URL. */
    URI startSignIn(ClusterNode node, String next) throws Exception {
        HttpResponse<String> login = browser.get(url(node, "/login" + (next == null ? "" : "?next=" + next)));
        assertEquals(302, login.statusCode(), login.body());
        return TestBrowser.location(login);
    }

    /** GitHub sends the browser back to a node's /callback. */
    HttpResponse<String> callback(ClusterNode node, URI authorize) throws Exception {
        String state = TestBrowser.query(authorize).get("state");
        return browser.get(url(node, "/callback?code=code-" + state.substring(0, 6) + "&state=" + state));
    }

    void assertSignedInOn(ClusterNode node) throws Exception {
        HttpResponse<String> me = browser.get(url(node, "/api/me"), "application/json");
        assertEquals(200, me.statusCode(), "signed in on " + node.workerName() + ": " + me.body());
        assertTrue(me.body().contains("\"login\":\"octocat\""), me.body());
        HttpResponse<String> index = browser.get(url(node, "/"));
        assertEquals(200, index.statusCode(), "index on " + node.workerName());
        assertTrue(index.body().contains("Hello octocat!"), index.body());
    }

    void assertSignedOutOn(ClusterNode node) throws Exception {
        HttpResponse<String> me = browser.get(url(node, "/api/me"), "application/json");
        assertEquals(401, me.statusCode(), "not signed in on " + node.workerName() + ": " + me.body());
    }

    /** The session id without Jetty's ".workerName" suffix, as the session table holds it. */
    static String sessionId(String cookieValue) {
        int dot = cookieValue.lastIndexOf('.');
        return dot < 0 ? cookieValue : cookieValue.substring(0, dot);
    }

    /** How many sessions the shared table holds. */
    static int sessions() throws Exception {
        try (Connection c = postgres.connect(DATABASE);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM jettysessions");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    /** The session's attributes as the shared table holds them (Jetty's {@code map} column). */
    static byte[] row(String cookieValue) throws Exception {
        try (Connection c = postgres.connect(DATABASE);
             PreparedStatement s = c.prepareStatement("SELECT map FROM jettysessions WHERE sessionid = ?")) {
            s.setString(1, sessionId(cookieValue));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "a row for the session");
                return r.getBytes(1);
            }
        }
    }

    static void updateRow(String cookieValue, byte[] map) throws Exception {
        try (Connection c = postgres.connect(DATABASE);
             PreparedStatement s = c.prepareStatement("UPDATE jettysessions SET map = ? WHERE sessionid = ?")) {
            s.setBytes(1, map);
            s.setString(2, sessionId(cookieValue));
            assertEquals(1, s.executeUpdate());
        }
    }

    /** Whether the shared session table holds a session of this id (for this context). */
    static boolean stored(String cookieValue) throws Exception {
        try (Connection c = postgres.connect(DATABASE);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM jettysessions WHERE sessionid = ?")) {
            s.setString(1, sessionId(cookieValue));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) > 0;
            }
        }
    }

    @Test
    @Order(1)
    void aSignInStartedOnOneNodeFinishesOnTheOtherAndWorksOnBoth() throws Exception {
        HttpResponse<String> first = browser.get(url(nodeA, "/api/me?x=1"));
        assertEquals(302, first.statusCode());
        URI login = TestBrowser.location(first);
        assertEquals(CONTEXT + "/login", login.getPath());

        HttpResponse<String> toGitHub = browser.get(login);
        assertEquals(302, toGitHub.statusCode(), toGitHub.body());
        URI authorize = TestBrowser.location(toGitHub);
        assertEquals(nodeA.base() + "/callback", TestBrowser.query(authorize).get("redirect_uri"));
        assertNull(browser.sessionId(), "/login started no session");
        int sessionsBefore = sessions();

        HttpResponse<String> back = callback(nodeB, authorize);
        assertEquals(302, back.statusCode(), "node B completes node A's sign-in: " + back.body());
        assertEquals(CONTEXT + "/api/me?x=1", back.headers().firstValue("Location").orElseThrow());
        github.server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));

        String signedIn = browser.sessionId();
        assertTrue(stored(signedIn), "the signed-in session is in the shared store");
        assertEquals(sessionsBefore + 1, sessions(), "one session: the signed-in one");
        byte[] row = row(signedIn);
        assertEquals(-1, RawHttp.indexOf(row, GitHubMock.TOKEN.getBytes(StandardCharsets.UTF_8)), "no token readable in the store");

        assertSignedInOn(nodeA);
        assertSignedInOn(nodeB);
        assertSignedInOn(nodeA);
    }

    @Test
    @Order(2)
    void theSessionSurvivesARestartOfANodeAndSignOutReachesBoth() throws Exception {
        URI authorize = startSignIn(nodeA, null);
        assertEquals(302, callback(nodeB, authorize).statusCode());
        assertSignedInOn(nodeA);
        String csrf = TestBrowser.csrfToken(browser.get(url(nodeB, "/")).body());

        int port = nodeA.port();
        nodeA.close();
        nodeA = null;
        assertSignedInOn(nodeB);

        nodeA = ClusterNode.startOnPortOrAny("nodeA", port, CONTEXT, settings, jdbcUrl);
        assertTrue(nodeA.available(), "node A deployed the WAR again");
        assertSignedInOn(nodeA);
        assertSignedInOn(nodeB);

        HttpResponse<String> out = browser.postForm(url(nodeA, "/logout"), Map.of("csrf", csrf), TestBrowser.HTML);
        assertEquals(303, out.statusCode(), "the token of a page from node B signs out on node A: " + out.body());
        assertEquals(CONTEXT + "/signed-out", out.headers().firstValue("Location").orElseThrow());
        assertSignedOutOn(nodeB);
        assertSignedOutOn(nodeA);
    }

    /**
     * Someone with write access to the session table changes one byte of a signed-in session's
     * sealed value: the session ends on every node, it is never trusted, and the log says why.
     */
    @Test
    @Order(4)
    void aSessionAlteredInTheStoreEndsThatSession() throws Exception {
        URI authorize = startSignIn(nodeA, null);
        assertEquals(302, callback(nodeB, authorize).statusCode());
        assertSignedInOn(nodeA);
        String session = browser.sessionId();
        byte[] map = row(session);
        int sealed = RawHttp.indexOf(map, new byte[] {'O', 'G', 1});
        assertTrue(sealed >= 0, "the sealed value is in the row");
        map[sealed + 60] ^= 0x01; // inside the ciphertext
        updateRow(session, map);
        try (LogCapture logs = LogCapture.of("dev.octogate")) {
            assertSignedOutOn(nodeB);
            assertSignedOutOn(nodeA);
            assertTrue(logs.messages(java.util.logging.Level.INFO).stream().anyMatch(l -> l.contains("does not open")),
                    logs.all().toString());
        }
    }

    @Test
    @Order(3)
    void twoTabsSigningInAcrossNodes() throws Exception {
        URI first = startSignIn(nodeA, "/first");
        URI second = startSignIn(nodeB, "/second");

        HttpResponse<String> secondBack = callback(nodeA, second);
        assertEquals(302, secondBack.statusCode(), secondBack.body());
        assertEquals(CONTEXT + "/second", secondBack.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> firstBack = callback(nodeB, first);
        assertEquals(302, firstBack.statusCode(), "the first tab's pending sign-in survived the id change: "
                + firstBack.body());
        assertEquals(CONTEXT + "/first", firstBack.headers().firstValue("Location").orElseThrow());

        assertSignedInOn(nodeA);
        assertSignedInOn(nodeB);
    }
}
