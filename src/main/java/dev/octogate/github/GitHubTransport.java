package dev.octogate.github;

import dev.octogate.log.LogText;
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
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.MessageConstraintException;

/**
 * Runs HTTP calls to GitHub with the guarantees every call needs: one shared JAX-RS {@link Client}
 * (built in the background, so start-up stays fast), a hard deadline for the whole call, from
 * connecting to the last byte of the body, a response head of at most {@link #MAX_HEAD_BYTES} and
 * {@link #MAX_HEADER_LINES} lines and a body of at most {@link #MAX_BODY_BYTES}, both refused
 * without being read into memory, GitHub's rate limit told apart, and calls in flight bounded in
 * two {@link Share}s, so that a flood of sign-ins cannot starve the signed-in, nor a slow GitHub
 * take every container thread. Nothing is retried here. (The client sends a GET once more when a
 * kept-alive connection turns out closed before any answer came; POSTs, such as the single-use
 * code, never: see {@link GitHubConnections}.)
 *
 * <p>The deadline: a watchdog cancels the call's request when it is due, whatever phase it is in;
 * cancelling closes its connection, so a read blocked on a trickling answer returns at once.
 * Threads are never interrupted: an interrupt can break a web app's class loading. A request
 * handler may give its calls a budget shorter than the sum of their timeouts ({@link #withinBudget}).
 */
public final class GitHubTransport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GitHubTransport.class.getName());

    /** Largest body read; GitHub's answers for what Octogate asks are a few KiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Largest response head (status line and header lines, with their line ends). */
    public static final int MAX_HEAD_BYTES = 64 << 10;
    /** Most header lines in a response. */
    public static final int MAX_HEADER_LINES = 100;

    /** Who a call is for. Each has its own calls in flight; past them, callers get OVERLOADED at once. */
    public enum Share {
        /** Sign-ins: code exchanges and the checks of a new user, which anyone can start. */
        SIGN_IN(64),
        /** Signed-in users: revalidation, refresh, sign-out. */
        SIGNED_IN(32);

        final int calls;

        Share(int calls) {
            this.calls = calls;
        }
    }

    /** Calls in flight at once, all shares together: the pool keeps as many connections. */
    public static final int MAX_IN_FLIGHT = Share.SIGN_IN.calls + Share.SIGNED_IN.calls;

    /** What came back: status, the headers Octogate reads, and the body. */
    public record Answer(int status, String etag, Link next, String contentType, byte[] body,
                         String grantedScopes) {
    }

    /** One call in flight: its request once started, cancelled when the deadline comes. */
    private static final class Call {
        private volatile boolean expired;
        private volatile Cancellable request;
        private volatile Response response;

        void started(Cancellable startedRequest) {
            request = startedRequest;
            if (expired) {
                startedRequest.cancel();
            }
        }

        void answered(Response answered) {
            response = answered;
            if (expired) {
                answered.close();
            }
        }

        void expire() {
            expired = true;
            Cancellable r = request;
            if (r != null) {
                r.cancel();
            }
            Response a = response;
            if (a != null) {
                a.close();
            }
        }
    }

    private final Duration timeout;
    private final Clock clock;
    private final Map<Share, Semaphore> inFlight = new EnumMap<>(Share.class);
    /** The call each thread is making, for the client's hook (calls run on the caller's thread). */
    private final Map<Thread, Call> calls = new ConcurrentHashMap<>();
    /** When each thread's budget ends ({@link System#nanoTime()}), where a handler set one. */
    private final Map<Thread, Long> budgets = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor watchdog;
    private volatile Client client;
    /** The watchdog's one thread, to see it end at {@link #close()}. */
    private volatile Thread watchdogThread;
    /** No client is built after {@link #close()}. */
    private volatile boolean closed;

    public GitHubTransport(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        for (Share share : Share.values()) {
            inFlight.put(share, new Semaphore(share.calls));
        }
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
                    c = GitHubConnections.client(timeout, MAX_IN_FLIGHT, MAX_HEAD_BYTES, MAX_HEADER_LINES,
                            this::started);
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

    /** The client's hook: a request of this thread's call has started. */
    private void started(Cancellable request) {
        Call call = calls.get(Thread.currentThread());
        if (call != null) {
            call.started(request);
        }
    }

    /**
     * Runs {@code work} with every call it makes to GitHub ending by {@code budget} from now, however
     * many calls that is: a call due after the budget ends is cut off when it ends.
     */
    public <T> T withinBudget(Duration budget, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        Long outer = budgets.put(thread, System.nanoTime() + budget.toNanos());
        try {
            return work.get();
        } finally {
            if (outer == null) {
                budgets.remove(thread);
            } else {
                budgets.put(thread, outer);
            }
        }
    }

    /**
     * Makes one call for {@code share}. {@code what} names it in messages, such as
     * "POST /login/oauth/access_token".
     */
    public Answer call(Share share, String what, Function<Client, Invocation> request) throws GitHubException {
        Semaphore permits = inFlight.get(share);
        if (!permits.tryAcquire()) {
            throw new GitHubException(GitHubException.Kind.OVERLOADED,
                    what + ": " + share.calls + " calls of this kind to GitHub already in flight");
        }
        Thread thread = Thread.currentThread();
        try {
            Client c;
            try {
                c = client(); // before the deadline starts: building it is not GitHub's time
            } catch (IllegalStateException closing) {
                throw new GitHubException(GitHubException.Kind.UNREACHABLE, what + ": the app is stopping");
            }
            long now = System.nanoTime();
            long deadline = now + timeout.toNanos();
            Long budgetEnd = budgets.get(thread);
            if (budgetEnd != null && budgetEnd - deadline < 0) {
                deadline = budgetEnd;
            }
            if (deadline - now <= 0) {
                throw timedOut(what);
            }
            Invocation invocation = request.apply(c);
            Call call = new Call();
            calls.put(thread, call);
            ScheduledFuture<?> guard;
            try {
                guard = watchdog.schedule(call::expire, deadline - now, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                calls.remove(thread);
                throw new GitHubException(GitHubException.Kind.UNREACHABLE, what + ": the app is stopping");
            }
            try {
                return execute(what, invocation, call);
            } finally {
                guard.cancel(false);
                calls.remove(thread);
            }
        } finally {
            permits.release();
        }
    }

    private Answer execute(String what, Invocation request, Call call) throws GitHubException {
        Response response;
        try {
            response = request.invoke();
        } catch (ProcessingException e) {
            throw call.expired ? timedOut(what) : failure(what, e);
        } catch (RuntimeException e) { // such as a client closed at undeploy
            throw call.expired ? timedOut(what)
                    : new GitHubException(GitHubException.Kind.UNREACHABLE, what + ": " + e, e);
        }
        call.answered(response);
        try {
            int status = response.getStatus();
            checkRateLimit(what, status, response);
            if (response.getLength() > MAX_BODY_BYTES) {
                throw new GitHubException(GitHubException.Kind.BAD_ANSWER,
                        what + ": answer of " + response.getLength() + " bytes refused (limit " + MAX_BODY_BYTES + ")");
            }
            byte[] body = status == 204 || status == 304 ? new byte[0] : readBounded(what, response);
            if (call.expired) {
                throw timedOut(what);
            }
            String contentType = response.getHeaderString("Content-Type");
            return new Answer(status, response.getHeaderString("ETag"), response.getLink("next"),
                    contentType == null ? "" : contentType.toLowerCase(Locale.ROOT), body,
                    response.getHeaderString("X-OAuth-Scopes"));
        } catch (GitHubException | RuntimeException e) {
            if (call.expired) {
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
            response.close();
        }
    }

    private GitHubException timedOut(String what) {
        return new GitHubException(GitHubException.Kind.TIMEOUT,
                what + ": no complete answer within " + timeout.toSeconds() + " s (or the request's budget)");
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
            if (cause instanceof MessageConstraintException || cause instanceof ClientProtocolException) {
                return new GitHubException(GitHubException.Kind.BAD_ANSWER,
                        what + ": answer refused (" + LogText.clean(cause.getMessage()) + ")", e);
            }
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
        return new GitHubException(GitHubException.Kind.UNREACHABLE, what + ": " + LogText.clean(root.toString()), e);
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
