package dev.octogate.web.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs the handler of a request's route. One is registered per servlet mapping of the route
 * table; {@link RouteFilter} has already applied the route's rules. {@code HEAD} is answered as
 * {@code GET} without a body; a method the path does not have gets {@code 405}.
 */
public final class RouteServlet extends HttpServlet {

    private final transient RouteTable table;
    private final transient Replies replies;
    private final transient CurrentUser currentUser;

    public RouteServlet(RouteTable table, Replies replies, CurrentUser currentUser) {
        this.table = table;
        this.replies = replies;
        this.currentUser = currentUser;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch("GET", request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch("POST", request, response);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch("PUT", request, response);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch("DELETE", request, response);
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        match(request).ifPresentOrElse(m -> response.setHeader("Allow", allow(m)),
                () -> response.setStatus(HttpServletResponse.SC_NOT_FOUND));
    }

    private void dispatch(String method, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<RouteTable.Match> match = match(request);
        if (match.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Route> route = match.get().forMethod(method);
        if (route.isEmpty()) {
            response.setHeader("Allow", allow(match.get()));
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        route.get().handler().handle(new Exchange(request, response, match.get().parameters(), replies, currentUser));
    }

    private Optional<RouteTable.Match> match(HttpServletRequest request) {
        Object matched = request.getAttribute(RouteFilter.MATCH);
        return matched instanceof RouteTable.Match m ? Optional.of(m) : table.match(Requests.pathInApp(request));
    }

    private static String allow(RouteTable.Match match) {
        String methods = match.routes().stream().map(Route::method).collect(Collectors.joining(", "));
        return methods.contains("GET") ? methods + ", HEAD, OPTIONS" : methods + ", OPTIONS";
    }
}
