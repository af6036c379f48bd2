package dev.octogate.web.http;

import java.util.Objects;
import java.util.Set;

/**
 * One line of the route table: a method and path, who may call it, its caching and referrer
 * rules, where a refused request is offered to go, and its handler. The servlet registration, the
 * guard, the response headers and the anti-CSRF check all follow from these.
 *
 * @param recovery where an error page for this route sends the person (a refused form, a mangled
 *                 URL)
 * @param handler  null for files the container serves itself ({@link #files})
 */
public record Route(String method, PathPattern path, Access access, Caching caching, Referrer referrer,
                    Link recovery, Handler handler) {

    /** {@code Cache-Control} of the answer. */
    public enum Caching {
        /** {@code no-store}: pages and answers about a person, and the sign-in steps. */
        NO_STORE,
        /** The container's own caching of static files. */
        FILES
    }

    /** {@code Referrer-Policy} of the answer. */
    public enum Referrer {
        SAME_ORIGIN,
        /** {@code no-referrer}: the URL itself holds something (the callback's code). */
        NONE
    }

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Link START_PAGE = new Link("/", "Go to the start page");

    public Route {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(access);
        Objects.requireNonNull(caching);
        Objects.requireNonNull(referrer);
        Objects.requireNonNull(recovery);
    }

    public static Route get(String path, Access access, Handler handler) {
        return of("GET", path, access, handler);
    }

    public static Route post(String path, Access access, Handler handler) {
        return of("POST", path, access, handler);
    }

    /** Static files under {@code path}, served by the container, to anyone. */
    public static Route files(String path) {
        return new Route("GET", PathPattern.parse(path), Access.ANYONE, Caching.FILES, Referrer.SAME_ORIGIN,
                START_PAGE, null);
    }

    private static Route of(String method, String path, Access access, Handler handler) {
        return new Route(method, PathPattern.parse(path), access, Caching.NO_STORE, Referrer.SAME_ORIGIN, START_PAGE,
                Objects.requireNonNull(handler));
    }

    /** The same route, sending no {@code Referer} onwards. */
    public Route noReferrer() {
        return new Route(method, path, access, caching, Referrer.NONE, recovery, handler);
    }

    /** The same route, its error pages offering {@code label} at {@code path} instead of the start page. */
    public Route recovery(String recoveryPath, String label) {
        return new Route(method, path, access, caching, referrer, new Link(recoveryPath, label), handler);
    }

    /** A form post or another request that changes something: it must carry the anti-CSRF token. */
    public boolean changesState() {
        return STATE_CHANGING.contains(method);
    }

    public boolean servedByContainer() {
        return handler == null;
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + access.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
