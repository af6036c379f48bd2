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
 * written on every request by every node), holds only JDK types and no readable token; before
 * signing in there is no session at all.
 */
class SessionSizeIT {

    @RegisterExtension
    static final WarWithGitHub war = new WarWithGitHub("/", "github.scope", "read:org");


    @Test
    void signedInSessionIsSmallAndHoldsNoReadableTokenNorAnyOctogateClass() throws Exception {
        TestBrowser browser = new TestBrowser();
        SignInSteps.signIn(browser, war.app.base());
        assertEquals(200, browser.get(URI.create(war.app.base() + "/api/me"), "application/json").statusCode());

        byte[] stored = war.app.storedSession(browser.sessionId());
        System.out.println("serialised signed-in session: " + stored.length + " bytes");
        assertTrue(stored.length <= 1024, "at most 1 KiB: " + stored.length + " bytes");
        assertEquals(0, occurrences(stored, GitHubMock.TOKEN.getBytes(StandardCharsets.UTF_8)), "the token is sealed");
        assertEquals(0, occurrences(stored, "dev.octogate".getBytes(StandardCharsets.UTF_8)),
                "no Octogate class for the container to deserialise");
        assertEquals(0, occurrences(stored, "octocat".getBytes(StandardCharsets.UTF_8)), "nothing of the user readable");
    }

    @Test
    void startingSignInsCreatesNoSession() throws Exception {
        TestBrowser browser = new TestBrowser();
        URI first = TestBrowser.location(browser.get(URI.create(war.app.base() + "/login?next=/a")));
        TestBrowser.location(browser.get(URI.create(war.app.base() + "/login?next=/b"))); // second tab, not finished
        assertEquals(null, browser.sessionId(), "no session before signing in");
        String state = TestBrowser.query(first).get("state");
        assertEquals(302, browser.get(URI.create(war.app.base() + "/callback?code=c&state=" + state)).statusCode());
        byte[] stored = war.app.storedSession(browser.sessionId());
        assertTrue(stored.length <= 1024, "the second tab's pending sign-in is not in it: " + stored.length + " bytes");
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
