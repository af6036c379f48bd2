package dev.octogate.github;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Runs HTTP calls to GitHub with the guarantees every call needs: one shared JAX-RS {@link Client}
 * (built on first use, so start-up stays fast), a hard deadline for the whole call including the
 * body, bodies over 1 MiB refused without being read into memory, GitHub's rate limit told apart,
 * and a bounded number of calls in flight so a slow GitHub cannot take every container thread.
 * Nothing is retried here. (The client sends a GET once more when a kept-alive connection turns
 * out closed before any answer came; POSTs, such as the single-use code, never: see
 * {@link GitHubConnections}.)
 *
 * <p>The deadline: waiting for the answer's headers is bounded by the client's own request
 * timeout; a body still arriving at the deadline is cut off by a watchdog that closes the
 * response. Threads are never interrupted: an interrupt can break a web app's class loading.
 */
public final class GitHubTransport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GitHubTransport.class.getName());

    /** Largest answer read; GitHub's answers for what Octogate asks are a few KiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /** Calls in flight at once; beyond this callers get {@link GitHubException.Kind#OVERLOADED} at once. */
    public static final int MAX_IN_FLIGHT = 96;

    /** What came back: status, the headers Octogate reads, and the body. */
    public record Answer(int status, String etag, Link next, String contentType, byte[] body,
                         String grantedScopes) {
    }

    private final Duration timeout;
    private final Clock clock;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ScheduledThreadPoolExecutor watchdog;
    private volatile Client client;
    /** The watchdog's one thread, to see it end at {@link #close()}. */
    private volatile Thread watchdogThread;
    /** No client is built after {@link #close()}. */
    private volatile boolean closed;

    public GitHubTransport(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "octogate-github-deadline");
            t.setDaemon(true);
            watchdogThread = t;
            return t;
        });
        watchdog.setRemoveOnCancelPolicy(true);
        // Build the client in the background, once the container has finished starting the app:
        // context start stays fast, and the first sign-in does not pay for Jersey's start-up.
        watchdog.schedule(this::client, 2, TimeUnit.SECONDS);
    }

    /** The shared client, built once on first use. */
    Client client() {
        Client c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    if (closed) {
                        throw new IllegalStateException("the GitHub client is closed");
                    }
                    c = GitHubConnections.client(timeout, MAX_IN_FLIGHT);
                    client = c;
                    if (closed) { // closed while building: close() may have looked before it was there
                        c.close();
                        throw new IllegalStateException("the GitHub client is closed");
                    }
                }
            }
        }
        return c;
    }

    /**
     * Makes one call. {@code what} names it in messages, such as "POST /login/oauth/access_token".
     */
    public Answer call(String what, Function<Client, Invocation> request) throws GitHubException {
        if (!inFlight.tryAcquire()) {
            throw new GitHubException(GitHubException.Kind.OVERLOADED,
                    what + ": " + MAX_IN_FLIGHT + " calls to GitHub already in flight");
        }
        try {
            Client c;
            try {
                c = client(); // before the deadline starts: building it is not GitHub's time
            } catch (IllegalStateException closed) {
                throw new GitHubException(GitHubException.Kind.UNREACHABLE, what + ": the app is stopping");
            }
            return execute(what, request.apply(c), System.nanoTime() + timeout.toNanos());
        } finally {
            inFlight.release();
        }
    }

    private Answer execute(String what, Invocation request, long deadline) throws GitHubException {
        Response response;
        try {
            response = request.invoke();
        } catch (ProcessingException e) {
            throw failure(what, e);
        } catch (RuntimeException e) { // such as a client closed at undeploy
            throw new GitHubException(GitHubException.Kind.UNREACHABLE, what + ": " + e, e);
        }
        AtomicBoolean cutOff = new AtomicBoolean();
        ScheduledFuture<?> guard = watchdog.schedule(() -> {
            cutOff.set(true);
            response.close();
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try {
            int status = response.getStatus();
            checkRateLimit(what, status, response);
            if (response.getLength() > MAX_BODY_BYTES) {
                throw new GitHubException(GitHubException.Kind.BAD_ANSWER,
                        what + ": answer of " + response.getLength() + " bytes refused (limit " + MAX_BODY_BYTES + ")");
            }
            byte[] body = status == 204 || status == 304 ? new byte[0] : readBounded(what, response);
            if (cutOff.get()) {
                throw timedOut(what);
            }
            String contentType = response.getHeaderString("Content-Type");
            return new Answer(status, response.getHeaderString("ETag"), response.getLink("next"),
                    contentType == null ? "" : contentType.toLowerCase(Locale.ROOT), body,
                    response.getHeaderString("X-OAuth-Scopes"));
        } catch (GitHubException | RuntimeException e) {
            if (cutOff.get()) {
                throw timedOut(what);
            }
            if (e instanceof ProcessingException p) {
                throw failure(what, p);
            }
            if (e instanceof RuntimeException) {
                throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": " + e, e);
            }
            throw e;
        } finally {
            guard.cancel(false);
            response.close();
        }
    }

    private GitHubException timedOut(String what) {
        return new GitHubException(GitHubException.Kind.TIMEOUT,
                what + ": no complete answer within " + timeout.toSeconds() + " s");
    }

    private void checkRateLimit(String what, int status, Response response) throws GitHubException {
        if (status != 403 && status != 429) {
            return;
        }
        String remaining = response.getHeaderString("x-ratelimit-remaining");
        String retryAfter = response.getHeaderString("retry-after");
        if (!"0".equals(remaining == null ? null : remaining.trim()) && retryAfter == null) {
            return;
        }
        long seconds = 60;
        try {
            if (retryAfter != null) {
                seconds = Long.parseLong(retryAfter.trim());
            } else {
                String reset = response.getHeaderString("x-ratelimit-reset");
                if (reset != null) {
                    seconds = Long.parseLong(reset.trim()) - clock.instant().getEpochSecond();
                }
            }
        } catch (NumberFormatException e) {
            // keep the default wait
        }
        seconds = Math.max(1, Math.min(seconds, 3600));
        throw GitHubException.rateLimited(Duration.ofSeconds(seconds),
                what + ": GitHub's rate limit (HTTP " + status + "), retry in " + seconds + " s");
    }

    private static byte[] readBounded(String what, Response response) throws GitHubException {
        if (!response.hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = response.readEntity(InputStream.class)) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1); // one byte more tells "too large"
            if (body.length > MAX_BODY_BYTES) {
                throw new GitHubException(GitHubException.Kind.BAD_ANSWER,
                        what + ": answer larger than " + MAX_BODY_BYTES + " bytes refused");
            }
            return body;
        } catch (InterruptedIOException e) {
            throw new GitHubException(GitHubException.Kind.TIMEOUT, what + ": answer not complete in time", e);
        } catch (IOException e) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER, what + ": answer cut off (" + e + ")", e);
        }
    }

    private static GitHubException failure(String what, ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedException
                    || cause instanceof InterruptedIOException) {
                return new GitHubException(GitHubException.Kind.TIMEOUT, what + ": timed out (" + cause + ")", e);
            }
            if (cause instanceof ConnectException) {
                return new GitHubException(GitHubException.Kind.UNREACHABLE, what + ": cannot connect (" + cause + ")", e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new GitHubException(GitHubException.Kind.UNREACHABLE, what + ": " + root, e);
    }

    /** The deadline thread, for tests. */
    Thread watchdogThread() {
        return watchdogThread;
    }

    private static boolean join(Thread thread) throws InterruptedException {
        thread.join(10_000);
        return !thread.isAlive();
    }

    /**
     * Stops the deadline thread (waiting for it to end, so that an undeploy leaves no thread behind)
     * and the client with its connections. Calls after this fail as unreachable.
     */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        try {
            // The pool reports termination as its thread leaves its loop; join it so that it is
            // gone, not merely finishing, when the container looks for threads the app left behind.
            Thread thread = watchdogThread;
            if (!watchdog.awaitTermination(10, TimeUnit.SECONDS) || thread != null && !join(thread)) {
                LOG.warning("the GitHub deadline thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Client c = client;
        if (c != null) {
            c.close();
        }
    }
}
