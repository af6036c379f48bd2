package dev.octogate.web.http;

import static dev.octogate.web.http.Access.ADMIN;
import static dev.octogate.web.http.Access.ANYONE;
import static dev.octogate.web.http.Access.GITHUB_WEBHOOK;
import static dev.octogate.web.http.Access.SIGNED_IN;
import static dev.octogate.web.http.Route.files;
import static dev.octogate.web.http.Route.get;
import static dev.octogate.web.http.Route.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    static final Handler OK = exchange -> { };
    static final Handler TEXT = exchange -> { };
    static final Handler PAGE = exchange -> { };

    final RouteTable table = RouteTable.of(
            get("/", SIGNED_IN, OK),
            get("/logout", SIGNED_IN, OK),
            post("/logout", SIGNED_IN, OK),
            get("/agreements/{slug}", ANYONE, PAGE),
            get("/agreements/{slug}/sign", SIGNED_IN, OK),
            get("/signatures/{id}", SIGNED_IN, PAGE),
            get("/signatures/{id}.txt", SIGNED_IN, TEXT),
            get("/admin/", ADMIN, OK),
            post("/github/webhook", GITHUB_WEBHOOK, OK),
            files("/static/*"));

    @Test
    void exactPathsFindAllTheirMethods() {
        RouteTable.Match logout = table.match("/logout").orElseThrow();
        assertEquals(List.of("GET", "POST"), logout.routes().stream().map(Route::method).toList());
        assertEquals("POST", logout.forMethod("POST").orElseThrow().method());
        assertEquals("GET", logout.forMethod("HEAD").orElseThrow().method(), "HEAD is answered as GET");
        assertTrue(logout.forMethod("PUT").isEmpty());
    }

    @Test
    void exactMatchesAreMadeOnce() {
        assertSame(table.match("/logout").orElseThrow(), table.match("/logout").orElseThrow());
    }

    @Test
    void namedSegmentsAndTheMostSpecificPatternWin() {
        RouteTable.Match text = table.match("/signatures/abc.txt").orElseThrow();
        assertSame(TEXT, text.routes().get(0).handler());
        assertEquals(Map.of("id", "abc"), text.parameters());
        assertSame(PAGE, table.match("/signatures/abc").orElseThrow().routes().get(0).handler());
        assertEquals(SIGNED_IN, table.match("/agreements/individual/sign").orElseThrow().access("GET"));
        assertEquals(ANYONE, table.match("/agreements/individual").orElseThrow().access("GET"));
    }

    @Test
    void pathsNotInTheTableAreNotMatched() {
        assertTrue(table.match("/nope").isEmpty());
        assertTrue(table.match("/agreements/a/b/c").isEmpty());
        assertTrue(table.match("/static/octogate.css").isPresent());
    }

    @Test
    void aMethodThePathDoesNotHaveIsGuardedAsStrictlyAsThePath() {
        RouteTable.Match agreement = table.match("/agreements/individual").orElseThrow();
        assertEquals(ANYONE, agreement.access("DELETE"));
        assertEquals(ADMIN, table.match("/admin/").orElseThrow().access("POST"));
        assertEquals(SIGNED_IN, table.match("/logout").orElseThrow().access("PUT"));
    }

    @Test
    void oneServletPerMappingAndNoneForFilesTheContainerServes() {
        Map<String, List<Route>> mappings = table.byServletMapping();
        assertEquals(List.of("", "/logout", "/agreements/*", "/signatures/*", "/admin/", "/github/webhook"),
                List.copyOf(mappings.keySet()));
        assertEquals(2, mappings.get("/agreements/*").size());
    }

    @Test
    void aPathAndMethodDeclaredTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(get("/a", ANYONE, OK), get("/a", SIGNED_IN, OK)));
    }

    @Test
    void aFormForAnyoneIsRefusedForItHasNoSessionToBindItsTokenTo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTable.of(post("/comments", ANYONE, OK)));
        assertTrue(e.getMessage().contains("anti-CSRF"), e.getMessage());
    }

    @Test
    void theDefaultsAreNoStoreSameOriginAndTheStartPage() {
        Route route = get("/x", ANYONE, OK);
        assertEquals(Route.Caching.NO_STORE, route.caching());
        assertEquals(Route.Referrer.SAME_ORIGIN, route.referrer());
        assertEquals(new Link("/", "Go to the start page"), route.recovery());
        assertEquals(Route.Referrer.NONE, route.noReferrer().referrer());
        assertEquals(new Link("/login", "Start again"), route.recovery("/login", "Start again").recovery());
        assertEquals(Route.Caching.FILES, files("/static/*").caching());
        assertTrue(post("/x", SIGNED_IN, OK).changesState());
    }
}
