package dev.octogate.web.http;

import dev.octogate.log.LogText;
import dev.octogate.store.StoreUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outermost filter: whatever goes wrong below it becomes a clear answer, never a stack trace.
 * A {@link BadRequest} is the sender's mistake ({@code 400}); the database not answering is a
 * {@code 503} with {@code Retry-After}; anything else is logged with its cause and answered {@code 500}.
 */
public final class ErrorBoundary extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ErrorBoundary.class.getName());

    private final RouteTable table;
    private final ResponseHeaders headers;
    private final Replies replies;

    public ErrorBoundary(RouteTable table, ResponseHeaders headers, Replies replies) {
        this.table = table;
        this.headers = headers;
        this.replies = replies;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (StoreUnavailable e) {
            LOG.warning(() -> "the database did not answer " + request.getMethod() + " " + Requests.pathInApp(request)
                    + ": " + LogText.clean(String.valueOf(e.getCause())));
            answerInstead(request, response, 503, "unavailable", "Please try again in a moment",
                    "The site's database is not answering, so nothing was done. Please try again in a moment.", "5");
        } catch (BadRequest e) {
            LOG.info(() -> "bad request to " + request.getMethod() + " " + Requests.pathInApp(request) + ": "
                    + e.getMessage());
            answerInstead(request, response, 400, "bad_request", "Bad request", e.getMessage(), null);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | ServletException | Error e) {
            LOG.log(Level.SEVERE, "unexpected failure answering " + request.getMethod() + " "
                    + Requests.pathInApp(request), e);
            answerInstead(request, response, 500, "internal_error", "Something went wrong",
                    "This site could not answer your request. Please try again.", null);
        }
    }

    /** Replaces whatever was begun with an error answer, when nothing has been sent yet. */
    private void answerInstead(HttpServletRequest request, HttpServletResponse response, int status, String code,
                               String title, String message, String retryAfter) throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            headers.apply(table.match(Requests.pathInApp(request)).map(m -> m.rules(request.getMethod())).orElse(null),
                    response);
            if (retryAfter != null) {
                response.setHeader("Retry-After", retryAfter);
            }
            replies.error(request, response, status, code, title, message, List.of());
        }
    }
}
