package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.github.GitHubException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may sign in and who is an admin, and which memberships that costs at GitHub. */
class AccessPolicyTest {

    static final String TOKEN = "gho_token";

    FakeGitHub github;

    @BeforeEach
    void setUp() {
        github = new FakeGitHub().account(TOKEN, FakeGitHub.OCTOCAT, List.of("GitHub", "other"),
                List.of("github/Octo-Team"));
    }

    AccessPolicy.Decision check(Map<String, String> settings) throws GitHubException {
        return new AccessPolicy(TestSettings.signIn(settings), github).check("OctoCat", TOKEN);
    }

    @Test
    void withoutAllowListsAnyoneMayAndGitHubIsNotAsked() throws Exception {
        AccessPolicy.Decision decision = check(Map.of());
        assertTrue(decision.allowed());
        assertFalse(decision.admin());
        assertEquals(List.of(), github.calls());
    }

    @Test
    void allowedUsersMatchCaseInsensitivelyWithoutAskingGitHub() throws Exception {
        assertTrue(check(Map.of("GITHUB_ALLOWED_USERS", "hubot,octocat", "GITHUB_ALLOWED_ORGS", "github")).allowed());
        assertEquals(List.of(), github.calls(), "the cheaper list said yes");
    }

    @Test
    void organisationsAreAskedForWhenSet() throws Exception {
        AccessPolicy.Decision decision = check(Map.of("GITHUB_ALLOWED_ORGS", "github",
                "GITHUB_ALLOWED_TEAMS", "github/octo-team"));
        assertTrue(decision.allowed());
        assertEquals("member of organisation GitHub", decision.reason());
        assertEquals(List.of("orgs"), github.calls(), "teams not asked once an organisation said yes");
    }

    @Test
    void teamsAreAskedForWhenOrganisationsSayNo() throws Exception {
        AccessPolicy.Decision decision = check(Map.of("GITHUB_ALLOWED_ORGS", "elsewhere",
                "GITHUB_ALLOWED_TEAMS", "github/octo-team"));
        assertTrue(decision.allowed());
        assertEquals("member of team github/Octo-Team", decision.reason());
        assertEquals(List.of("orgs", "teams"), github.calls());
    }

    @Test
    void onNoListMeansNo() throws Exception {
        AccessPolicy.Decision decision = check(Map.of("GITHUB_ALLOWED_USERS", "hubot",
                "GITHUB_ALLOWED_ORGS", "elsewhere", "GITHUB_ALLOWED_TEAMS", "github/docs"));
        assertFalse(decision.allowed());
        assertFalse(decision.admin(), "nobody refused is an admin");
        assertEquals("not on any allow-list", decision.reason());
    }

    @Test
    void anAdminByLoginOrByTeam() throws Exception {
        assertTrue(check(Map.of("APP_ADMINS", "octocat")).admin());
        assertEquals(List.of(), github.calls());
        assertTrue(check(Map.of("APP_ADMINS", "hubot, github/octo-team")).admin());
        assertEquals(List.of("teams"), github.calls());
        assertFalse(check(Map.of("APP_ADMINS", "hubot, github/docs")).admin());
    }

    @Test
    void teamsAreAskedOnceForBothLists() throws Exception {
        AccessPolicy.Decision decision = check(Map.of("GITHUB_ALLOWED_TEAMS", "github/octo-team",
                "APP_ADMINS", "github/octo-team"));
        assertTrue(decision.allowed() && decision.admin());
        assertEquals(List.of("teams"), github.calls());
    }

    @Test
    void aFailureAtGitHubIsNotAVerdict() {
        github.failNext("orgs", FakeGitHub.failure(GitHubException.Kind.TIMEOUT));
        assertThrows(GitHubException.class, () -> check(Map.of("GITHUB_ALLOWED_ORGS", "github")));
    }

    @Test
    void orgAndTeamListsWithoutReadOrgAreReportedAtStart() {
        assertEquals(List.of("read:org"), TestSettings.signIn(Map.of("GITHUB_ALLOWED_ORGS", "github")).missingScopes());
        assertEquals(List.of("read:org"), TestSettings.signIn(Map.of("APP_ADMINS", "github/core")).missingScopes());
        assertEquals(List.of(), TestSettings.signIn(Map.of("APP_ADMINS", "octocat")).missingScopes());
        assertEquals(List.of(), TestSettings.signIn(Map.of("GITHUB_ALLOWED_TEAMS", "github/core",
                "GITHUB_SCOPE", "read:org")).missingScopes());
    }
}
