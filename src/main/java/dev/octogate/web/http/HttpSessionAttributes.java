package dev.octogate.web.http;

import dev.octogate.signin.SessionAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** {@link SessionAttributes} over the request's {@link HttpSession}. */
public final class HttpSessionAttributes implements SessionAttributes {

    private final HttpServletRequest request;
    private final HttpSession session;
    private final SessionLocks locks;

    private HttpSessionAttributes(HttpServletRequest request, HttpSession session, SessionLocks locks) {
        this.request = request;
        this.session = session;
        this.locks = locks;
    }

    /** The request's session, or null when it has none (nothing is created). */
    public static HttpSessionAttributes existing(HttpServletRequest request, SessionLocks locks) {
        HttpSession session = request.getSession(false);
        return session == null ? null : new HttpSessionAttributes(request, session, locks);
    }

    /** The request's session, created if need be. */
    public static HttpSessionAttributes create(HttpServletRequest request, SessionLocks locks) {
        return new HttpSessionAttributes(request, request.getSession(true), locks);
    }

    // A session can be invalidated by another request of the same browser (a sign-out) while
    // this one is still working, for example waiting on GitHub. The container then throws
    // IllegalStateException; here that session simply holds nothing any more.

    @Override
    public Object get(String name) {
        try {
            return session.getAttribute(name);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    @Override
    public void set(String name, Serializable value) {
        try {
            session.setAttribute(name, value);
        } catch (IllegalStateException invalidated) {
            // signed out meanwhile: nothing to keep
        }
    }

    @Override
    public void remove(String name) {
        try {
            session.removeAttribute(name);
        } catch (IllegalStateException invalidated) {
            // already gone
        }
    }

    @Override
    public Set<String> names() {
        try {
            return new HashSet<>(Collections.list(session.getAttributeNames()));
        } catch (IllegalStateException invalidated) {
            return Set.of();
        }
    }

    @Override
    public String id() {
        return session.getId();
    }

    @Override
    public void renewId() {
        try {
            request.changeSessionId();
        } catch (IllegalStateException invalidated) {
            // signed out meanwhile: the sign-in is stored nowhere, and the next request starts again
        }
    }

    @Override
    public Object lock() {
        return locks.forSession(session.getId());
    }
}
