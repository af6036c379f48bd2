package dev.octogate.web.signin;

import dev.octogate.signin.PendingSignIns;
import dev.octogate.web.http.Cookies;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pending sign-ins as cookies: one per sign-in (so that tabs do not overwrite each other), named
 * after its state's hash, sealed, {@code HttpOnly}, {@code SameSite=Lax}, living ten minutes; the
 * callback deletes its own. {@code /login} sets one and creates no session.
 */
final class PendingSignInCookies {

    private static final String KIND = "signin";
    private static final int MAX_AGE = (int) PendingSignIns.LIFETIME.toSeconds();

    private final PendingSignIns pending;
    private final Cookies cookies;

    PendingSignInCookies(PendingSignIns pending, Cookies cookies) {
        this.pending = pending;
        this.cookies = cookies;
    }

    /** Sets the cookie of a new pending sign-in, dropping those that no longer fit beside it. */
    void add(HttpServletRequest request, HttpServletResponse response, PendingSignIns.Sealed sealed) {
        String prefix = cookies.prefix(request, KIND);
        for (String name : pending.toDrop(waiting(request, prefix), sealed)) {
            response.addCookie(cookies.expired(request, prefix + name));
        }
        response.addCookie(cookies.cookie(request, prefix + sealed.name(), sealed.value(), MAX_AGE));
    }

    /** The pending sign-in of this state, its cookie deleted: each works once. */
    PendingSignIns.Taken take(HttpServletRequest request, HttpServletResponse response, String state) {
        if (state == null || state.isEmpty()) {
            return pending.take(state, null);
        }
        String name = cookies.prefix(request, KIND) + PendingSignIns.nameOf(state);
        String value = null;
        Cookie[] sent = request.getCookies();
        for (int i = 0; sent != null && i < sent.length; i++) {
            if (sent[i].getName().equals(name)) {
                value = sent[i].getValue();
            }
        }
        if (value != null) {
            response.addCookie(cookies.expired(request, name));
        }
        return pending.take(state, value);
    }

    /** This browser's pending sign-ins: name (without the prefix) to sealed value. */
    private static Map<String, String> waiting(HttpServletRequest request, String prefix) {
        Map<String, String> waiting = new LinkedHashMap<>();
        Cookie[] sent = request.getCookies();
        for (int i = 0; sent != null && i < sent.length; i++) {
            if (sent[i].getName().startsWith(prefix)) {
                waiting.put(sent[i].getName().substring(prefix.length()), sent[i].getValue());
            }
        }
        return waiting;
    }
}
