package dev.octogate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.protocol.BasicHttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.Test;

/** What the client may resend by itself: only a GET that met a closed kept-alive connection, once. */
class GitHubConnectionsTest {

    private final GitHubConnections.StaleConnectionRetry retry = new GitHubConnections.StaleConnectionRetry();
    private final BasicHttpContext context = new BasicHttpContext();

    @Test
    void getOnAConnectionClosedBeforeAnyAnswerIsResentOnce() {
        IOException closed = new NoHttpResponseException("127.0.0.1:443 failed to respond");
        assertTrue(retry.retryRequest(new BasicHttpRequest("GET", "/user"), closed, 1, context));
        assertFalse(retry.retryRequest(new BasicHttpRequest("GET", "/user"), closed, 2, context));
        assertEquals(TimeValue.ZERO_MILLISECONDS, retry.getRetryInterval(new BasicHttpResponse(503), 1, context));
    }

    @Test
    void postsAndDeletesAreNeverResent() {
        IOException closed = new NoHttpResponseException("127.0.0.1:443 failed to respond");
        assertFalse(retry.retryRequest(new BasicHttpRequest("POST", "/login/oauth/access_token"), closed, 1, context));
        assertFalse(retry.retryRequest(new BasicHttpRequest("DELETE", "/applications/x/grant"), closed, 1, context));
    }

    @Test
    void otherFailuresAndAnswersAreNeverResent() {
        assertFalse(retry.retryRequest(new BasicHttpRequest("GET", "/user"), new SocketTimeoutException("Read timed out"), 1, context));
        assertFalse(retry.retryRequest(new BasicHttpRequest("GET", "/user"), new IOException("Connection reset"), 1, context));
        for (int status : new int[] {429, 503, 502}) {
            assertFalse(retry.retryRequest(new BasicHttpResponse(status), 1, context), "HTTP " + status);
        }
    }
}
