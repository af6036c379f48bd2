package dev.octogate.web.http;

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
 * A {@link BadRequest} is the sender's mistake ({@code 400}); anything else is logged with its
 * cause and answered {@code 500}.
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
        } catch (BadRequest e) {
            LOG.info(() -> "bad request to " + request.getMethod() + " " + Requests.pathInApp(request) + ": "
                    + e.getMessage());
            answerInstead(request, response, 400, "bad_request", "Bad request", e.getMessage());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | ServletException | Error e) {
            LOG.log(Level.SEVERE, "unexpected failure answering " + request.getMethod() + " "
                    + Requests.pathInApp(request), e);
            answerInstead(request, response, 500, "internal_error", "Something went wrong",
                    "This site could not answer your request. Please try again.");
        }
    }

    /** Replaces whatever was begun with an error answer, when nothing has been sent yet. */
    private void answerInstead(HttpServletRequest request, HttpServletResponse response, int status, String code,
                               String title, String message) throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            headers.apply(table.match(Requests.pathInApp(request)).map(m -> m.rules(request.getMethod())).orElse(null),
                    response);
            replies.error(request, response, status, code, title, message, List.of());
        }
    }
}
