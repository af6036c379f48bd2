package dev.octogate.web.cla;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.cla.Catalog;
import dev.octogate.store.Agreement;
import dev.octogate.store.AgreementVersion;
import dev.octogate.store.ChangeKind;
import dev.octogate.store.Signature;
import dev.octogate.web.http.Page;
import dev.octogate.web.http.Views;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLA site's pages as their templates render them: what they show, and that every value is escaped. */
class ClaPagesTest {

    static final Views VIEWS = new Views();
    static final Instant MAY = Instant.parse("2026-05-04T10:15:30Z");

    static String render(Page page) {
        return new String(VIEWS.render(page), StandardCharsets.UTF_8);
    }

    static ClaPages.Nav signedIn(String root, String login) {
        return new ClaPages.Nav(root, login, false, "the-csrf-token");
    }

    static Catalog.Entry entry(String slug, String title, boolean sample, AgreementVersion... versions) {
        return new Catalog.Entry(new Agreement(7, slug, title, List.of(), sample, MAY), List.of(versions),
                versions.length == 0 ? 0 : 1);
    }

    static AgreementVersion version(int number, String html) {
        return new AgreementVersion(7, number, ChangeKind.MATERIAL, "First", "text", html, "ab".repeat(32), MAY);
    }

    static ClaPages.Home home(ClaPages.Nav nav, String name, String avatar, String profile,
                              List<Catalog.Signed> signed, List<Catalog.Entry> wanting) {
        return new ClaPages.Home(nav, name, avatar, profile, signed, wanting);
    }

    @Test
    void homeGreetsWithAvatarNameProfileAndASignOutFormCarryingTheToken() {
        String page = render(home(signedIn("/cla", "octocat"), "The Octocat", "https://avatars.example/u/1",
                "https://github.com/octocat", List.of(), List.of()));
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<title>Hello octocat · Octogate</title>"), page);
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/cla/static/octogate.css\">"), page);
        assertTrue(page.contains("<img class=\"avatar\" src=\"https://avatars.example/u/1\""), page);
        assertTrue(page.contains("<h1>Hello octocat!</h1>"), page);
        assertTrue(page.contains("<p class=\"name\">The Octocat</p>"), page);
        assertTrue(page.contains("<a href=\"https://github.com/octocat\">Your GitHub profile</a>"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"/cla/logout\">"), page);
        assertTrue(page.contains("<input type=\"hidden\" name=\"csrf\" value=\"the-csrf-token\">"), page);
        assertTrue(page.contains("You have not signed anything yet."), page);
    }

    @Test
    void homeLeavesOutWhatTheAccountDoesNotHave() {
        String page = render(home(signedIn("", "octocat"), null, null, null, List.of(), List.of()));
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("class=\"name\""), page);
        assertFalse(page.contains("Your GitHub profile"), page);
        assertTrue(page.contains("action=\"/logout\""), page);
    }

    @Test
    void homeListsSignaturesAndWhatStillWantsOne() {
        Signature old = new Signature("sig-1", 7, "individual", "Individual CLA", 1, 1, "octocat", "ab".repeat(32),
                Map.of(), MAY, null);
        Signature revoked = new Signature("sig-2", 8, "corporate", "Corporate CLA", 2, 1, "octocat", "cd".repeat(32),
                Map.of(), MAY, MAY);
        String page = render(home(signedIn("/cla", "octocat"), null, null, null,
                List.of(new Catalog.Signed(old, false), new Catalog.Signed(revoked, false)),
                List.of(entry("individual", "Individual CLA", true, version(1, ""), version(2, "")))));
        assertTrue(page.contains("<a href=\"/cla/agreements/individual/sign\">Individual CLA</a>, version 2 (a sample)"),
                page);
        assertTrue(page.contains("<a href=\"/cla/signatures/sig-1\">Individual CLA, version 1</a>, 4 May 2026"
                + " — a newer version wants a new signature"), page);
        assertTrue(page.contains("<a href=\"/cla/signatures/sig-2\">Corporate CLA, version 2</a>, 4 May 2026 — revoked"),
                page);
    }

    @Test
    void everyValueIsEscapedForItsPlace() {
        String page = render(home(signedIn("", "<script>x</script>"), "Mona \"&\" <b>Lisa</b>",
                "https://a.example/\"><script>y</script>", ClaHandlers.httpOnly("javascript:alert(1)"), List.of(),
                List.of(entry("a", "<i>title</i>", false, version(1, "")))));
        assertFalse(page.contains("<script>"), page);
        assertFalse(page.contains("<b>"), page);
        assertFalse(page.contains("<i>"), page);
        assertTrue(page.contains("&lt;script&gt;x&lt;/script&gt;"), page);
        assertFalse(page.contains("javascript:"), "a profile link is http(s) only: " + page);
        assertFalse(page.contains("\"><script>"), page);
    }

    @Test
    void anAgreementOffersSignInToAnonymousReadersAndTheReceiptToCoveredOnes() {
        Catalog.Entry entry = entry("individual", "Individual CLA", true, version(1, "<p>The text</p>"));
        String anonymous = render(new ClaPages.Agreement(new ClaPages.Nav("/cla", null, false, null), entry,
                entry.current(), null));
        assertTrue(anonymous.contains("href=\"/cla/login?next=/agreements/individual/sign\">Sign in with GitHub to sign"),
                anonymous);
        assertTrue(anonymous.contains("<p>The text</p>"), "rendered once, at publication: " + anonymous);
        assertTrue(anonymous.contains("sample agreement"), anonymous);
        assertTrue(anonymous.contains("ab".repeat(32)), anonymous);
        Signature mine = new Signature("sig-1", 7, "individual", "Individual CLA", 1, 1, "octocat", "ab".repeat(32),
                Map.of(), MAY, null);
        String covered = render(new ClaPages.Agreement(signedIn("/cla", "octocat"), entry, entry.current(), mine));
        assertTrue(covered.contains("You signed version 1 on 4 May 2026"), covered);
        assertTrue(covered.contains("href=\"/cla/signatures/sig-1\""), covered);
        assertFalse(covered.contains("Sign in with GitHub to sign"), covered);
    }
}
