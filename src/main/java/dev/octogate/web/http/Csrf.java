package dev.octogate.web.http;

import dev.octogate.signin.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one anti-CSRF mechanism: every request that changes something carries the token of the
 * signed-in session, as the form field {@code csrf} (every form has it, see the {@code csrf}
 * template) or the header {@code X-CSRF-Token} (scripts), and is refused without it. The token is
 * made at sign-in and kept in the session; it is compared in constant time.
 */
public final class Csrf {

    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    /** Whether the request carries this session's token. */
    public static boolean accepts(HttpServletRequest request, SignedInUser user) {
        String submitted = request.getHeader(HEADER);
        if (submitted == null) {
            submitted = Requests.parameter(request, FIELD);
        }
        return matches(user.csrfToken(), submitted);
    }

    static boolean matches(String expected, String submitted) {
        return submitted != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }
}
