package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.SignInSteps;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarWithGitHub;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signed-in session, serialised the way a shared session store does, stays small (it is read and
 * written on every request by every node) and holds the access token once.
 */
class SessionSizeIT {

    @RegisterExtension
    static final WarWithGitHub war = new WarWithGitHub("/", "github.scope", "read:org");


    @Test
    void signedInSessionIsSmallAndHoldsTheTokenOnce() throws Exception {
        TestBrowser browser = new TestBrowser();
        SignInSteps.signIn(browser, war.app.base());
        assertEquals(200, browser.get(URI.create(war.app.base() + "/api/me"), "application/json").statusCode());

        byte[] stored = war.app.storedSession(browser.sessionId());
        System.out.println("serialised signed-in session: " + stored.length + " bytes");
        assertTrue(stored.length <= 1024, "at most 1 KiB: " + stored.length + " bytes");
        assertEquals(1, occurrences(stored, GitHubMock.TOKEN.getBytes(StandardCharsets.UTF_8)), "the token is stored once");
    }

    @Test
    void aSecondTabsPendingSignInKeepsItUnderTwoKiB() throws Exception {
        TestBrowser browser = new TestBrowser();
        URI first = TestBrowser.location(browser.get(URI.create(war.app.base() + "/login?next=/a")));
        TestBrowser.location(browser.get(URI.create(war.app.base() + "/login?next=/b"))); // second tab, not finished
        String state = TestBrowser.query(first).get("state");
        assertEquals(302, browser.get(URI.create(war.app.base() + "/callback?code=c&state=" + state)).statusCode());
        byte[] stored = war.app.storedSession(browser.sessionId());
        assertTrue(stored.length < 2048, "under 2 KiB: " + stored.length + " bytes");
        assertEquals(1, occurrences(stored, GitHubMock.TOKEN.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, occurrences(stored, state.getBytes(StandardCharsets.UTF_8)), "no state is stored");
    }

    static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }
}
