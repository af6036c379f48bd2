package dev.octogate.web.http;

import dev.octogate.signin.SessionRevalidation;
import dev.octogate.signin.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is signed in to a request's session, after any check with GitHub that is due. Found once
 * per request (the guard asks first, handlers after it) and never creates a session.
 */
public final class CurrentUser {

    private static final String ATTRIBUTE = CurrentUser.class.getName();

    private final SessionRevalidation revalidation;

    public CurrentUser(SessionRevalidation revalidation) {
        this.revalidation = revalidation;
    }

    @SuppressWarnings("unchecked")
    public Optional<SignedInUser> of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known != null) {
            return (Optional<SignedInUser>) known;
        }
        HttpSessionAttributes session = HttpSessionAttributes.existing(request);
        Optional<SignedInUser> user = session == null ? Optional.empty() : revalidation.current(session);
        request.setAttribute(ATTRIBUTE, user);
        return user;
    }

    /** Forgets it for the rest of the request (after signing out). */
    public static void forget(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Optional.empty());
    }
}
