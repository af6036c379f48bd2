package dev.octogate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first filter: headers every response carries, and the last word on errors, so that nothing
 * below can answer with a stack trace.
 */
final class SecurityHeadersFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SecurityHeadersFilter.class.getName());

    private final Octogate app;

    SecurityHeadersFilter(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = AppUrls.pathInApp(request);
        applyHeaders(path, response);
        try {
            chain.doFilter(request, response);
        } catch (AppUrls.BadRequestException e) {
            answerInstead(request, response, path, 400, "bad_request", "Bad request", e.getMessage());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException e) {
            if (isBadRequest(e)) {
                // Input the container could not parse, such as a form body with a malformed %-escape.
                LOG.info(() -> "bad request to " + request.getMethod() + " " + path + ": " + e.getMessage());
                answerInstead(request, response, path, 400, "bad_request", "Bad request", "The request could not be read.");
            } else {
                fail(request, response, path, e);
            }
        } catch (ServletException | Error e) {
            fail(request, response, path, e);
        }
    }

    /**
     * A request the container could not parse: Jetty's BadMessageException, Tomcat 11's
     * InvalidParameterException, or a bad character encoding.
     */
    private static boolean isBadRequest(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("BadMessageException") || name.equals("InvalidParameterException")
                    || t instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private void fail(HttpServletRequest request, HttpServletResponse response, String path, Throwable e)
            throws IOException {
        LOG.log(Level.SEVERE, "unexpected failure answering " + request.getMethod() + " " + path, e);
        answerInstead(request, response, path, 500, "internal_error", "Something went wrong",
                "This site could not answer your request. Please try again.");
    }

    /** Replaces whatever was begun with an error answer, when nothing has been sent yet. */
    private void answerInstead(HttpServletRequest request, HttpServletResponse response, String path, int status,
                               String code, String title, String message) throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            applyHeaders(path, response);
            app.responses.error(request, response, status, code, title, message, "");
        }
    }

    private void applyHeaders(String path, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Pages loosen this for their stylesheet and avatar (Responses.html).
        response.setHeader("Content-Security-Policy", Responses.STRICT_POLICY);
        // The callback's URL holds the code: it must not leak through Referer.
        response.setHeader("Referrer-Policy", path.equals("/callback") ? "no-referrer" : "same-origin");
        if (!path.startsWith("/static/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
