package dev.octogate.web;

import dev.octogate.auth.SessionAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** {@link SessionAttributes} over the request's {@link HttpSession}. */
final class HttpSessionAttributes implements SessionAttributes {

    private final HttpServletRequest request;
    private final HttpSession session;
    private final SessionLocks locks;

    private HttpSessionAttributes(HttpServletRequest request, HttpSession session, SessionLocks locks) {
        this.request = request;
        this.session = session;
        this.locks = locks;
    }

    /** The request's session, or null when it has none (nothing is created). */
    static HttpSessionAttributes existing(HttpServletRequest request, SessionLocks locks) {
        HttpSession session = request.getSession(false);
        return session == null ? null : new HttpSessionAttributes(request, session, locks);
    }

    /** The request's session, created if need be. */
    static HttpSessionAttributes create(HttpServletRequest request, SessionLocks locks) {
        return new HttpSessionAttributes(request, request.getSession(true), locks);
    }

    @Override
    public Object get(String name) {
        return session.getAttribute(name);
    }

    @Override
    public void set(String name, Serializable value) {
        session.setAttribute(name, value);
    }

    @Override
    public void remove(String name) {
        session.removeAttribute(name);
    }

    @Override
    public Set<String> names() {
        return new HashSet<>(Collections.list(session.getAttributeNames()));
    }

    @Override
    public String id() {
        return session.getId();
    }

    @Override
    public void renewId() {
        request.changeSessionId();
    }

    @Override
    public Object lock() {
        return locks.forSession(session.getId());
    }

    void invalidate() {
        session.invalidate();
    }
}
