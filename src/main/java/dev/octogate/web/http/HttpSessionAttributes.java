package dev.octogate.web.http;

import dev.octogate.signin.SessionAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;

/**
 * {@link SessionAttributes} over the request's {@link HttpSession}. A session is created only when
 * something is stored in it (at sign-in): nobody gets one for asking.
 */
public final class HttpSessionAttributes implements SessionAttributes {

    private final HttpServletRequest request;
    private HttpSession session;

    private HttpSessionAttributes(HttpServletRequest request, HttpSession session) {
        this.request = request;
        this.session = session;
    }

    /** The request's session, or null when it has none (nothing is created). */
    public static HttpSessionAttributes existing(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : new HttpSessionAttributes(request, session);
    }

    /** The request's session, created when something is first stored in it. */
    public static HttpSessionAttributes lazy(HttpServletRequest request) {
        return new HttpSessionAttributes(request, request.getSession(false));
    }

    // A session can be invalidated by another request of the same browser (a sign-out) while
    // this one is still working, for example waiting on GitHub. The container then throws
    // IllegalStateException; here that session simply holds nothing any more.

    @Override
    public Object get(String name) {
        try {
            return session == null ? null : session.getAttribute(name);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    @Override
    public void set(String name, Serializable value) {
        try {
            if (session == null) {
                session = request.getSession(true);
            }
            session.setAttribute(name, value);
        } catch (IllegalStateException invalidated) {
            // signed out meanwhile: nothing to keep
        }
    }

    @Override
    public void remove(String name) {
        try {
            if (session != null) {
                session.removeAttribute(name);
            }
        } catch (IllegalStateException invalidated) {
            // already gone
        }
    }

    @Override
    public String id() {
        return session == null ? "" : session.getId();
    }

    /** A session this request found gets a new id; one it has not created yet will have a fresh one. */
    @Override
    public void renewId() {
        try {
            if (session != null) {
                request.changeSessionId();
            }
        } catch (IllegalStateException invalidated) {
            // signed out meanwhile: the next write makes a new session
            session = null;
        }
    }
}
