package dev.octogate.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.octogate.github.GitHubRestTest.API;
import static dev.octogate.github.GitHubRestTest.CODE;
import static dev.octogate.github.GitHubRestTest.NOW;
import static dev.octogate.github.GitHubRestTest.REDIRECT;
import static dev.octogate.github.GitHubRestTest.TOKEN;
import static dev.octogate.github.GitHubRestTest.TOKEN_PATH;
import static dev.octogate.github.GitHubRestTest.USER_JSON;
import static dev.octogate.github.GitHubRestTest.VERIFIER;
import static dev.octogate.github.GitHubRestTest.fails;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.octogate.testing.HostileGitHub;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The guarantees {@link GitHubTransport} gives every call, seen through {@link RestOAuthApp} and {@link RestUserApi}:
 * faults, deadlines, rate limits, the size limit, no retries, and the bound on calls in flight.
 */
class GitHubTransportTest {

    /** A deadline of 1 s must end the call well before a 3 s (or slower) answer. */
    static final long DEADLINE_BOUND_MILLIS = 2500;

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    WireMockServer wm;
    BothSeams client;

    void start(int timeoutSeconds) {
        start(options(), timeoutSeconds);
    }

    void start(WireMockConfiguration config, int timeoutSeconds) {
        wm = new WireMockServer(config.dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        client = clientFor(URI.create("http://127.0.0.1:" + wm.port()), timeoutSeconds);
    }

    /** With its JAX-RS client built already: the deadlines measured are GitHub's, not Jersey's start-up. */
    BothSeams clientFor(URI base, int timeoutSeconds) {
        GitHubSettings settings = GitHubRestTest.settings(base, URI.create(base + API), timeoutSeconds);
        GitHubTransport transport = new GitHubTransport(settings.timeout(), clock);
        transport.client();
        return new BothSeams(new GitHub(settings, transport, clock));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (wm != null) {
            wm.stop();
        }
    }

    void stubToken(ResponseDefinitionBuilder answer) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(answer));
    }

    void stubUser(ResponseDefinitionBuilder answer) {
        wm.stubFor(get(urlPathEqualTo(API + "/user")).willReturn(answer));
    }

    TokenGrant exchange() throws GitHubException {
        return client.exchangeCode(CODE, REDIRECT, VERIFIER);
    }

    // ---------------------------------------------------------------- faults

    @ParameterizedTest
    @EnumSource(value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void brokenConnectionOnTokenExchangeIsUnreachableOrBadAnswer(Fault fault) {
        start(5);
        stubToken(aResponse().withFault(fault));

        GitHubException e = assertThrows(GitHubException.class, this::exchange);

        assertTrue(Set.of(GitHubException.Kind.UNREACHABLE, GitHubException.Kind.BAD_ANSWER).contains(e.kind()),
                () -> fault + " gave " + e.kind() + ": " + e.getMessage());
        GitHubRestTest.assertNoSecrets(e);
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))); // a code is single-use: never re-sent
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void brokenConnectionOnUserIsUnreachableOrBadAnswer(Fault fault) {
        start(5);
        stubUser(aResponse().withFault(fault));

        GitHubException e = assertThrows(GitHubException.class, () -> client.user(TOKEN, null));

        assertTrue(Set.of(GitHubException.Kind.UNREACHABLE, GitHubException.Kind.BAD_ANSWER).contains(e.kind()),
                () -> fault + " gave " + e.kind() + ": " + e.getMessage());
        GitHubRestTest.assertNoSecrets(e);
    }

    @Test
    void connectionRefusedIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client = clientFor(URI.create("http://127.0.0.1:" + closedPort), 5);

        fails(GitHubException.Kind.UNREACHABLE, this::exchange);
        fails(GitHubException.Kind.UNREACHABLE, () -> client.user(TOKEN, null));
    }

    // ---------------------------------------------------------------- deadlines

    @Test
    void slowAnswerTimesOutWithinTheDeadline() {
        start(1);
        stubToken(okJson("{\"access_token\":\"" + TOKEN + "\",\"scope\":\"\"}").withFixedDelay(3000));

        long start = System.nanoTime();
        fails(GitHubException.Kind.TIMEOUT, this::exchange);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(elapsed < DEADLINE_BOUND_MILLIS, "returned after " + elapsed + " ms");
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void slowUserTimesOutWithinTheDeadline() {
        start(1);
        stubUser(okJson(USER_JSON).withFixedDelay(3000));

        long start = System.nanoTime();
        fails(GitHubException.Kind.TIMEOUT, () -> client.user(TOKEN, null));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(elapsed < DEADLINE_BOUND_MILLIS, "returned after " + elapsed + " ms");
    }

    @Test
    void dribbledBodyTimesOutWithinTheDeadline() {
        // Headers come at once, the body over 4 s: the deadline covers the whole answer, not each read.
        start(1);
        stubToken(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"read:org\"}")
                .withChunkedDribbleDelay(5, 4000));

        long start = System.nanoTime();
        fails(GitHubException.Kind.TIMEOUT, this::exchange);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(elapsed < DEADLINE_BOUND_MILLIS, "returned after " + elapsed + " ms");
    }

    @Test
    void dribbledUserTimesOutWithinTheDeadline() {
        start(1);
        stubUser(okJson(USER_JSON).withChunkedDribbleDelay(5, 4000));

        long start = System.nanoTime();
        fails(GitHubException.Kind.TIMEOUT, () -> client.user(TOKEN, null));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(elapsed < DEADLINE_BOUND_MILLIS, "returned after " + elapsed + " ms");
    }

    @Test
    void answerJustWithinTheDeadlineIsAccepted() throws Exception {
        start(2);
        stubUser(okJson(USER_JSON).withFixedDelay(200));

        assertEquals("octocat", client.user(TOKEN, null).user().login());
    }

    // ---------------------------------------------------------------- rate limit

    @Test
    void exhaustedRateLimitIsRateLimitedUntilTheReset() {
        start(5);
        stubUser(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-used", "5000")
                .withHeader("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 120))
                .withBody("{\"message\":\"API rate limit exceeded for user ID 1.\"}"));

        GitHubException e = fails(GitHubException.Kind.RATE_LIMITED, () -> client.user(TOKEN, null));

        assertEquals(Duration.ofSeconds(120), e.retryAfter());
    }

    @Test
    void rateLimitedTokenEndpointIsRateLimited() {
        start(5);
        stubToken(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 600)));

        GitHubException e = fails(GitHubException.Kind.RATE_LIMITED, this::exchange);

        assertEquals(Duration.ofSeconds(600), e.retryAfter());
    }

    @Test
    void tooManyRequestsWithRetryAfterIsRateLimited() {
        start(5);
        stubUser(aResponse().withStatus(429).withHeader("retry-after", "30")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"));

        GitHubException e = fails(GitHubException.Kind.RATE_LIMITED, () -> client.user(TOKEN, null));

        assertEquals(Duration.ofSeconds(30), e.retryAfter());
        wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/user"))); // the client does not wait and resend
    }

    @Test
    void secondaryRateLimit403WithRetryAfterIsRateLimited() {
        start(5);
        stubUser(aResponse().withStatus(403).withHeader("Retry-After", "45")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"));

        GitHubException e = fails(GitHubException.Kind.RATE_LIMITED, () -> client.user(TOKEN, null));

        assertEquals(Duration.ofSeconds(45), e.retryAfter());
    }

    @Test
    void plainForbiddenIsNotRateLimited() {
        start(5);
        stubUser(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Resource not accessible by integration\"}"));

        GitHubException e = fails(GitHubException.Kind.FORBIDDEN, () -> client.user(TOKEN, null));
        assertNull(e.retryAfter());
    }

    @Test
    void forbiddenWithRemainingQuotaIsNotRateLimited() {
        start(5);
        stubUser(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "4999")
                .withHeader("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 120))
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Forbidden\"}"));

        fails(GitHubException.Kind.FORBIDDEN, () -> client.user(TOKEN, null));
    }

    // ---------------------------------------------------------------- size limit

    /** A {@code /user} answer of exactly {@code size} bytes (ASCII), padded in "bio". */
    static String userOfSize(int size) {
        String head = "{\"login\":\"octocat\",\"id\":583231,\"bio\":\"";
        String tail = "\"}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    /** The answer as a plain client sees it, to check what framing WireMock used. */
    HttpResponse<byte[]> raw() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + wm.port() + API + "/user")).build(), HttpResponse.BodyHandlers.ofByteArray());
        wm.resetRequests();
        return answer;
    }

    @Test
    void answerOverOneMebibyteWithContentLengthIsRefused() throws Exception {
        start(5);
        int size = GitHubTransport.MAX_BODY_BYTES + 1;
        stubUser(okJson(userOfSize(size)).withHeader("Content-Length", Integer.toString(size)));
        assertEquals(List.of(Integer.toString(size)), raw().headers().allValues("Content-Length"),
                "precondition: WireMock sends the Content-Length");

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));
    }

    @Test
    void chunkedAnswerOverOneMebibyteIsRefused() throws Exception {
        start(5);
        int size = GitHubTransport.MAX_BODY_BYTES + 1;
        stubUser(okJson(userOfSize(size)).withChunkedDribbleDelay(2, 10));
        HttpResponse<byte[]> raw = raw();
        assertEquals(List.of(), raw.headers().allValues("Content-Length"), "precondition: no Content-Length");
        assertEquals(List.of("chunked"), raw.headers().allValues("Transfer-Encoding"), "precondition: chunked");
        assertEquals(size, raw.body().length);

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));
    }

    @Test
    void answerOfExactlyOneMebibyteWithContentLengthIsAccepted() throws Exception {
        start(5);
        int size = GitHubTransport.MAX_BODY_BYTES;
        stubUser(okJson(userOfSize(size)).withHeader("Content-Length", Integer.toString(size)));
        assertEquals(List.of(Integer.toString(size)), raw().headers().allValues("Content-Length"),
                "precondition: WireMock sends the Content-Length");

        UserLookup lookup = client.user(TOKEN, null);
        assertEquals("octocat", lookup.user().login());
        assertEquals(583231, lookup.user().id());
    }

    @Test
    void chunkedAnswerOfExactlyOneMebibyteIsAccepted() throws Exception {
        start(5);
        stubUser(okJson(userOfSize(GitHubTransport.MAX_BODY_BYTES)).withChunkedDribbleDelay(2, 10));
        assertEquals(List.of(), raw().headers().allValues("Content-Length"), "precondition: no Content-Length");

        assertEquals("octocat", client.user(TOKEN, null).user().login());
    }

    @Test
    void answerJustUnderOneMebibyteIsAccepted() throws Exception {
        start(5);
        stubUser(okJson(userOfSize(GitHubTransport.MAX_BODY_BYTES - 1)));

        assertEquals("octocat", client.user(TOKEN, null).user().login());
    }

    @Test
    void announcedHugeAnswerIsRefusedWithoutWaitingForItsBody() throws Exception {
        // Content-Length says 8 MiB, then a few bytes and silence: refusing on the header answers
        // at once; reading the body first would run into the deadline (TIMEOUT).
        try (RawServer github = new RawServer(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + 8 * GitHubTransport.MAX_BODY_BYTES + "\r\n\r\n{\"login\":\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        })) {
            client = clientFor(github.uri(), 3);

            long start = System.nanoTime();
            fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsed < 2000, "returned after " + elapsed + " ms");
        }
    }

    @Test
    void endlessChunkedAnswerIsCutOffAfterOneMebibyte() throws Exception {
        // GitHub (or something in between) streams without end: the call stops reading past the limit.
        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (RawServer github = new RawServer(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "a\r\n{\"bio\":\"xx\r\n").getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write(chunk);
            }
        })) {
            client = clientFor(github.uri(), 3);

            long start = System.nanoTime();
            fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsed < 2000, "returned after " + elapsed + " ms");
        }
    }

    @Test
    void oversizedTokenAnswerIsRefused() {
        start(5);
        stubToken(okJson("{\"access_token\":\"" + TOKEN + "\",\"scope\":\"" + "x".repeat(GitHubTransport.MAX_BODY_BYTES)
                + "\"}"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    // ---------------------------------------------------------------- one client for every user

    @Test
    void cookiesGitHubSetsAreNeverSentWithLaterCalls() throws Exception {
        start(5);
        stubToken(okJson("{\"access_token\":\"gho_other\",\"token_type\":\"bearer\",\"scope\":\"\"}")
                .withHeader("Set-Cookie", "_gh_sess=someone-elses; Path=/; HttpOnly"));
        stubUser(okJson(USER_JSON));

        exchange();
        client.user(TOKEN, null);

        wm.verify(getRequestedFor(urlPathEqualTo(API + "/user")).withoutHeader("Cookie"));
    }

    // ---------------------------------------------------------------- nothing is retried

    @Test
    void tokenExchangeIsNotRetriedAfter502() {
        start(5);
        stubToken(aResponse().withStatus(502));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);

        assertEquals(1, wm.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void tokenExchangeIsNotRetriedAfterEmptyResponseOnAReusedConnection() throws Exception {
        // The first exchange leaves a kept-alive connection; the second one meets a closed socket.
        start(5);
        stubToken(okJson("{\"access_token\":\"" + TOKEN + "\",\"scope\":\"\"}"));
        exchange();
        wm.resetAll();
        stubToken(aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertThrows(GitHubException.class, this::exchange);

        assertEquals(1, wm.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void userIsNotRetriedAfter502() {
        start(5);
        stubUser(aResponse().withStatus(502));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));

        wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/user")));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
    void userIsResentAtMostOnceAfterResetOrEmptyAnswer(Fault fault) {
        // The client resends a GET once when the connection closes before any answer byte
        // (a kept-alive connection the server had closed); never more, and never a POST.
        start(5);
        stubUser(aResponse().withFault(fault));

        assertThrows(GitHubException.class, () -> client.user(TOKEN, null));

        int sent = wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user"))).size();
        assertTrue(sent >= 1 && sent <= 2, "GET /user sent " + sent + " times");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
    void revokeGrantIsNotRetriedAfterResetOrEmptyAnswer(Fault fault) {
        start(5);
        wm.stubFor(delete(
                urlPathEqualTo(API + "/applications/" + GitHubRestTest.CLIENT_ID + "/grant"))
                .willReturn(aResponse().withFault(fault)));

        assertThrows(GitHubException.class, () -> client.revokeGrant(TOKEN));

        assertEquals(1, wm.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void refreshIsNotRetriedAfter502() {
        start(5);
        stubToken(aResponse().withStatus(502));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.refresh("ghr_refresh"));

        assertEquals(1, wm.findAll(anyRequestedFor(anyUrl())).size());
    }

    // ---------------------------------------------------------------- bounded calls in flight

    @Test
    void signInsBeyondTheirShareAreRefusedAtOnceAndTheSignedInStillGetThrough() throws Exception {
        int inFlight = GitHubTransport.Share.SIGN_IN.calls;
        // Enough server threads that every call reaches WireMock (and its journal) while delayed.
        start(options().containerThreads(GitHubTransport.MAX_IN_FLIGHT + 50), 10);
        stubUser(okJson(USER_JSON).withFixedDelay(3000));
        ExecutorService background = Executors.newFixedThreadPool(inFlight + 1);
        ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
        try {
            for (int i = 0; i < inFlight; i++) {
                background.submit(() -> {
                    try {
                        outcomes.add(client.user(TOKEN, null));
                    } catch (GitHubException e) {
                        outcomes.add(e);
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            int seen = 0;
            while (System.nanoTime() < deadline) {
                seen = wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user"))).size();
                if (seen >= inFlight) {
                    break;
                }
                Thread.sleep(10);
            }
            assertEquals(inFlight, seen, "all calls in flight at WireMock");
            assertTrue(outcomes.isEmpty(), () -> "no call finished yet: " + outcomes);

            BothSeams signedIn = client.sessions();
            java.util.concurrent.Future<UserLookup> revalidation = background.submit(() -> signedIn.user(TOKEN, null));
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < deadline
                    && wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user"))).size() <= inFlight) {
                Thread.sleep(10);
            }
            assertEquals(inFlight + 1, wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user"))).size(),
                    "a signed-in user's check is not starved by the sign-ins");

            long start = System.nanoTime();
            fails(GitHubException.Kind.OVERLOADED, () -> client.user(TOKEN, null));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(elapsed < 500, "refused after " + elapsed + " ms");
            assertEquals(inFlight + 1, wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user"))).size(),
                    "the refused call never reached GitHub");
            assertTrue(outcomes.isEmpty(), () -> "no call finished yet: " + outcomes);
            assertEquals("octocat", revalidation.get(10, TimeUnit.SECONDS).user().login());
        } finally {
            client.close(); // the calls in flight end with an exception or their answer
            client = null;
            background.shutdown();
            assertTrue(background.awaitTermination(5, TimeUnit.SECONDS), "background calls ended");
        }
        List<Object> ended = new ArrayList<>(outcomes);
        assertEquals(inFlight, ended.size());
    }

    @Test
    void timedOutCallsFreeTheirPlaceForLaterCalls() throws Exception {
        // A whole share of calls all time out against a GitHub that answers after 3 s; right after
        // that (GitHub still answering the first ones) a call to a quick endpoint goes through.
        int inFlight = GitHubTransport.Share.SIGN_IN.calls;
        start(options().containerThreads(inFlight + 50), 1);
        stubUser(okJson(USER_JSON).withFixedDelay(3000));
        wm.stubFor(get(urlPathEqualTo(API + "/user/orgs")).willReturn(okJson("[{\"login\":\"acme\"}]")));
        ExecutorService background = Executors.newFixedThreadPool(inFlight);
        try {
            List<java.util.concurrent.Future<GitHubException.Kind>> calls = new ArrayList<>();
            for (int i = 0; i < inFlight; i++) {
                calls.add(background.submit(() -> {
                    try {
                        client.user(TOKEN, null);
                        return null;
                    } catch (GitHubException e) {
                        return e.kind();
                    }
                }));
            }
            for (var call : calls) {
                assertEquals(GitHubException.Kind.TIMEOUT, call.get(2500, TimeUnit.MILLISECONDS));
            }
            // Workers were interrupted; give them a moment to notice, well before GitHub's 3 s.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(800);
            GitHubException last = null;
            while (System.nanoTime() < deadline) {
                try {
                    assertEquals(List.of("acme"), client.organizations(TOKEN));
                    return;
                } catch (GitHubException e) {
                    last = e;
                    Thread.sleep(20);
                }
            }
            throw new AssertionError("calls still refused after the timed-out ones ended", last);
        } finally {
            background.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- a hostile GitHub

    static GitHubException.Kind expectedKind(HostileGitHub.Mode mode) {
        return switch (mode) {
            case HUGE_HEADER_LINE, HUGE_HEADER_BLOCK, MANY_HEADERS, ENDLESS_HEADERS, GARBAGE ->
                    GitHubException.Kind.BAD_ANSWER;
            case TRICKLING_HEADERS, TRICKLING_BODY -> GitHubException.Kind.TIMEOUT;
            case SUSPENDED -> GitHubException.Kind.FORBIDDEN;
            case HANG_UP -> GitHubException.Kind.UNREACHABLE;
            case NORMAL -> throw new IllegalArgumentException();
        };
    }

    /**
     * Every way an answer can go wrong ends the call with its own kind of failure, within the
     * deadline, and leaves the shared client as it was: the next call works.
     */
    @ParameterizedTest
    @EnumSource(value = HostileGitHub.Mode.class, mode = EnumSource.Mode.EXCLUDE, names = "NORMAL")
    void afterEveryKindOfFailureTheNextCallWorks(HostileGitHub.Mode mode) throws Exception {
        try (HostileGitHub hostile = new HostileGitHub()) {
            client = clientFor(hostile.uri(), 1);
            hostile.mode(mode);
            long start = System.nanoTime();
            GitHubException e = fails(expectedKind(mode), () -> client.user(TOKEN, null));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsed < 2000, mode + " took " + elapsed + " ms: " + e);
            fails(mode == HostileGitHub.Mode.SUSPENDED ? GitHubException.Kind.BAD_ANSWER : expectedKind(mode),
                    () -> client.exchangeCode(CODE, REDIRECT, VERIFIER));

            hostile.mode(HostileGitHub.Mode.NORMAL);
            assertEquals("octocat", client.user(TOKEN, null).user().login(), "the client works again");
            assertEquals(HostileGitHub.TOKEN, client.exchangeCode(CODE, REDIRECT, VERIFIER).accessToken());
        }
    }

    /** Headers trickling in a byte at a time do not escape the deadline (each read is quick, the whole is not). */
    @Test
    void tricklingHeadersEndAtTheDeadline() throws Exception {
        try (HostileGitHub hostile = new HostileGitHub()) {
            client = clientFor(hostile.uri(), 1);
            hostile.mode(HostileGitHub.Mode.TRICKLING_HEADERS);
            long start = System.nanoTime();
            fails(GitHubException.Kind.TIMEOUT, () -> client.exchangeCode(CODE, REDIRECT, VERIFIER));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsed >= 900 && elapsed < 2000, "ended after " + elapsed + " ms, the timeout is 1 s");
        }
    }

    /** A handler's budget bounds all its calls together: the one due after it ends is cut off when it ends. */
    @Test
    void aBudgetBoundsSeveralCallsTogether() {
        start(2);
        stubUser(okJson(USER_JSON).withFixedDelay(700));
        GitHubTransport transport = new GitHubTransport(Duration.ofSeconds(2), clock);
        GitHubSettings settings = GitHubRestTest.settings(GitHubRestTest.base(wm), URI.create(GitHubRestTest.base(wm) + API), 2);
        try (GitHub github = new GitHub(settings, transport, clock)) {
            transport.client();
            UserApi users = github.signIns().users();
            long start = System.nanoTime();
            List<Object> outcomes = github.withinBudget(Duration.ofMillis(1800), () -> {
                List<Object> results = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    try {
                        results.add(users.user(TOKEN, null).user().login());
                    } catch (GitHubException e) {
                        results.add(e.kind());
                    }
                }
                return results;
            });
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(List.of("octocat", "octocat", GitHubException.Kind.TIMEOUT), outcomes);
            assertTrue(elapsed < 2300, "the three calls took " + elapsed + " ms against a budget of 1.8 s");
            assertEquals(3, wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user"))).size());
            assertDoesNotThrow(() -> users.user(TOKEN, null), "outside the budget, the timeout alone");
        }
    }

    @Test
    void aBudgetAlreadySpentRefusesAtOnceWithoutCallingGitHub() {
        start(2);
        stubUser(okJson(USER_JSON));
        GitHubTransport transport = new GitHubTransport(Duration.ofSeconds(2), clock);
        GitHubSettings settings = GitHubRestTest.settings(GitHubRestTest.base(wm), URI.create(GitHubRestTest.base(wm) + API), 2);
        try (GitHub github = new GitHub(settings, transport, clock)) {
            GitHubException.Kind kind = github.withinBudget(Duration.ZERO, () -> {
                try {
                    github.signIns().users().user(TOKEN, null);
                    return null;
                } catch (GitHubException e) {
                    return e.kind();
                }
            });
            assertEquals(GitHubException.Kind.TIMEOUT, kind);
            assertEquals(0, wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user"))).size());
        }
    }

    /**
     * Undeploy: close() returns only once its deadline thread has ended, even when that thread is
     * busy (here, building the client, held up by the transport's lock), so that the container
     * finds no thread of the app left.
     */
    @Test
    void closeReturnsOnlyOnceItsThreadHasEnded() throws Exception {
        GitHubTransport transport = new GitHubTransport(Duration.ofSeconds(1), clock);
        Thread watchdog = transport.watchdogThread();
        Thread closer = new Thread(transport::close, "closer");
        synchronized (transport) { // the background build, due after 2 s, waits for this lock
            for (int i = 0; i < 100 && watchdog.getState() != Thread.State.BLOCKED; i++) {
                Thread.sleep(50);
            }
            assertEquals(Thread.State.BLOCKED, watchdog.getState(), "the deadline thread is busy");
            closer.start();
            closer.join(300);
            assertTrue(closer.isAlive(), "close() waits while its thread is busy");
        }
        closer.join(10_000);
        assertFalse(closer.isAlive());
        assertFalse(watchdog.isAlive(), "gone when close() returned");
        fails(GitHubException.Kind.UNREACHABLE, () -> transport.call(GitHubTransport.Share.SIGNED_IN, "GET /user", c -> c.target("http://127.0.0.1:1/").request().buildGet()));
    }

    /** Holding the transport's own lock stands for a slow first build of the shared JAX-RS client. */
    @Test
    void deadlineIsForGitHubNotForBuildingTheClient() throws Exception {
        start(1);
        stubUser(okJson(USER_JSON));
        GitHubTransport transport = new GitHubTransport(Duration.ofSeconds(1), clock);
        GitHubSettings settings = GitHubRestTest.settings(URI.create("http://127.0.0.1:" + wm.port()),
                URI.create("http://127.0.0.1:" + wm.port() + API), 1);
        try (BothSeams fresh = new BothSeams(new GitHub(settings, transport, clock))) {
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            Thread builder = new Thread(() -> {
                synchronized (transport) { // what a 1.2 s client build looks like to a concurrent call
                    held.countDown();
                    try {
                        Thread.sleep(1200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            builder.start();
            held.await();
            assertEquals("octocat", fresh.user(TOKEN, null).user().login());
            builder.join();
        }
    }

    /**
     * A bare HTTP/1.1 server for answers WireMock cannot give: it reads each request's head, has
     * {@code answer} write the response, and then keeps the connection open until closed.
     */
    static final class RawServer implements AutoCloseable {

        interface Answer {
            void write(OutputStream out) throws IOException;
        }

        private final ServerSocket socket;
        private final List<Socket> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread thread;

        RawServer(Answer answer) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        connections.add(connection);
                        Thread serve = new Thread(() -> serve(connection, answer), "raw-github-connection");
                        serve.setDaemon(true);
                        serve.start();
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            }, "raw-github");
            thread.setDaemon(true);
            thread.start();
        }

        private static void serve(Socket connection, Answer answer) {
            try {
                var in = connection.getInputStream();
                int matched = 0;
                while (matched < 4) { // up to the blank line after the request head
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                answer.write(connection.getOutputStream());
                while (in.read() >= 0) {
                    // hold the connection open until the client or close() ends it
                }
            } catch (IOException e) {
                // the client hung up
            }
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : connections) {
                connection.close();
            }
        }
    }
}
