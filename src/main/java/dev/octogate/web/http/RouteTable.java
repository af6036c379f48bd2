package dev.octogate.web.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every path of the app, each declared once as a {@link Route}. It answers, for a request's path,
 * which routes apply; what is not in it is protected (signed in) and served by the container.
 */
public final class RouteTable {

    /** The routes of one path (one per method), and the values of its named segments. */
    public record Match(List<Route> routes, Map<String, String> parameters) {

        /** The route for this method ({@code HEAD} is answered as {@code GET}). */
        public Optional<Route> forMethod(String method) {
            String wanted = method.equals("HEAD") ? "GET" : method;
            for (Route route : routes) {
                if (route.method().equals(wanted)) {
                    return Optional.of(route);
                }
            }
            return Optional.empty();
        }

        /** The route whose rules (headers, recovery) a request of this method follows. */
        public Route rules(String method) {
            return forMethod(method).orElse(routes.get(0));
        }

        /**
         * Who may send this method: the route's access, or for a method the path does not have
         * (answered {@code 405}), the strictest of the path's, so a refusal tells no more than that.
         */
        public Access access(String method) {
            return forMethod(method).map(Route::access).orElseGet(() -> routes.stream().map(Route::access)
                    .max(Comparator.naturalOrder()).orElseThrow());
        }
    }

    private final List<Route> routes;
    /** Exact paths, with their match made once: most requests find theirs without allocating. */
    private final Map<String, Match> exact = new HashMap<>();
    /** Patterns with named segments or a prefix, most specific first. */
    private final List<List<Route>> patterned = new ArrayList<>();

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Map<PathPattern, List<Route>> byPath = new LinkedHashMap<>();
        for (Route route : routes) {
            List<Route> same = byPath.computeIfAbsent(route.path(), p -> new ArrayList<>());
            if (same.stream().anyMatch(r -> r.method().equals(route.method()))) {
                throw new IllegalArgumentException("declared twice: " + route.method() + " " + route.path());
            }
            if (route.changesState() && !route.access().needsSignIn() && route.access() != Access.GITHUB_WEBHOOK) {
                throw new IllegalArgumentException(route + ": a form needs a signed-in session to bind its "
                        + "anti-CSRF token to");
            }
            same.add(route);
        }
        byPath.forEach((path, same) -> {
            if (path.isExact()) {
                exact.put(path.text(), new Match(List.copyOf(same), Map.of()));
            } else {
                patterned.add(List.copyOf(same));
            }
        });
        patterned.sort(Comparator.comparingInt((List<Route> same) -> same.get(0).path().specificity()).reversed());
    }

    public static RouteTable of(Route... routes) {
        return new RouteTable(List.of(routes));
    }

    /** The routes of this path inside the app, if it is one of the app's. */
    public Optional<Match> match(String path) {
        Match found = exact.get(path);
        if (found != null) {
            return Optional.of(found);
        }
        for (List<Route> same : patterned) {
            Optional<Map<String, String>> parameters = same.get(0).path().match(path);
            if (parameters.isPresent()) {
                return Optional.of(new Match(same, parameters.get()));
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }

    /**
     * The routes the app's own servlets answer, by servlet mapping: one servlet per mapping
     * ({@code /agreements/*} serves every route below {@code /agreements/}).
     */
    public Map<String, List<Route>> byServletMapping() {
        Map<String, List<Route>> mappings = new LinkedHashMap<>();
        for (Route route : routes) {
            if (!route.servedByContainer()) {
                mappings.computeIfAbsent(route.path().servletMapping(), m -> new ArrayList<>()).add(route);
            }
        }
        return mappings;
    }
}
