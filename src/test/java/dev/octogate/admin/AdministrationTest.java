package dev.octogate.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.cla.LineDiff;
import dev.octogate.cla.Markdown;
import dev.octogate.cla.MemoryStores;
import dev.octogate.cla.TextHash;
import dev.octogate.signin.MutableClock;
import dev.octogate.store.Actor;
import dev.octogate.store.AgreementVersion;
import dev.octogate.store.ChangeKind;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What admins may do, and what each form refuses. */
class AdministrationTest {

    static final Actor ADMIN = Actor.user(1, "octocat");

    MemoryStores stores;
    Administration admin;

    @BeforeEach
    void setUp() {
        MutableClock clock = MutableClock.startingAt2024();
        stores = new MemoryStores(clock);
        admin = new Administration(stores, stores, stores, new Markdown(), clock);
    }

    @Test
    void anAgreementNeedsASlugATitleAndFieldsThatCanBeNames() {
        Administration.Creation.Created created = assertInstanceOf(Administration.Creation.Created.class,
                admin.createAgreement("individual", "Individual CLA", "Company, Country", ADMIN));
        assertEquals(List.of("company", "country"), created.agreement().fields().stream().map(f -> f.name()).toList());
        assertEquals("slug", only(admin.createAgreement("individual", "Again", "", ADMIN)), "taken");
        assertEquals("slug", only(admin.createAgreement("Individual", "x", "", ADMIN)));
        assertEquals("slug", only(admin.createAgreement("-a", "x", "", ADMIN)));
        assertEquals("slug", only(admin.createAgreement("a".repeat(41), "x", "", ADMIN)));
        assertEquals("title", only(admin.createAgreement("corporate", " ", "", ADMIN)));
        assertEquals("fields", only(admin.createAgreement("corporate", "x", "Email", ADMIN)), "email is asked already");
        assertEquals("fields", only(admin.createAgreement("corporate", "x", "A, a", ADMIN)), "twice");
    }

    static String only(Administration.Creation creation) {
        return assertInstanceOf(Administration.Creation.Invalid.class, creation).problems().keySet().iterator().next();
    }

    @Test
    void theFirstVersionIsMaterial() {
        admin.createAgreement("individual", "Individual CLA", "", ADMIN);
        Administration.Preview editorial = admin.preview("individual",
                new Administration.Draft("Text", "editorial", "First")).orElseThrow();
        assertTrue(editorial.problems().containsKey("change"), editorial.problems().toString());
        assertInstanceOf(Administration.Publication.Refused.class,
                admin.publish("individual", new Administration.Draft("Text", "editorial", "First"), 1, ADMIN).orElseThrow());
        assertInstanceOf(Administration.Publication.Published.class,
                admin.publish("individual", new Administration.Draft("Text", "material", "First"), 1, ADMIN).orElseThrow());
    }

    @Test
    void aPreviewRendersTheTextAndDiffsItAgainstTheCurrentVersion() {
        admin.createAgreement("individual", "Individual CLA", "", ADMIN);
        admin.publish("individual", new Administration.Draft("# One\r\nline a\r\n", "material", "First"), 1, ADMIN);
        Administration.Preview preview = admin.preview("individual",
                new Administration.Draft("# One\nline b\n", "editorial", "Typo")).orElseThrow();
        assertEquals(2, preview.number());
        assertTrue(preview.problems().isEmpty(), preview.problems().toString());
        assertTrue(preview.html().contains("<h1>One</h1>"), preview.html());
        assertTrue(preview.diff().contains(new LineDiff.Line(LineDiff.Kind.REMOVED, "line a")));
        assertTrue(preview.diff().contains(new LineDiff.Line(LineDiff.Kind.ADDED, "line b")));
    }

    @Test
    void publishingStoresTheNormalisedTextItsHashAndRendering() {
        admin.createAgreement("individual", "Individual CLA", "", ADMIN);
        AgreementVersion v = assertInstanceOf(Administration.Publication.Published.class, admin.publish("individual",
                new Administration.Draft("Line\r\n<b>x</b>\r\n", "material", "First"), 1, ADMIN).orElseThrow()).version();
        assertEquals("Line\n<b>x</b>\n", v.text());
        assertEquals(TextHash.of("Line\n<b>x</b>\n"), v.sha256());
        assertTrue(v.html().contains("&lt;b&gt;"), v.html());
        assertEquals(ChangeKind.MATERIAL, v.change());
    }

    @Test
    void aVersionPublishedSinceThePreviewIsNotOverwritten() {
        admin.createAgreement("individual", "Individual CLA", "", ADMIN);
        admin.publish("individual", new Administration.Draft("One", "material", "First"), 1, ADMIN);
        admin.publish("individual", new Administration.Draft("Two", "material", "Second"), 2, ADMIN);
        Administration.Publication late = admin.publish("individual",
                new Administration.Draft("Also two", "material", "Mine"), 2, ADMIN).orElseThrow();
        Administration.Preview refused = assertInstanceOf(Administration.Publication.Refused.class, late).preview();
        assertTrue(refused.problems().containsKey("number"), refused.problems().toString());
        assertEquals(3, refused.number(), "against the version now current");
        assertEquals(2, stores.versions(stores.bySlug("individual").orElseThrow().id()).size());
    }

    @Test
    void aDraftMustChangeSomethingAndSayWhat() {
        admin.createAgreement("individual", "Individual CLA", "", ADMIN);
        admin.publish("individual", new Administration.Draft("One", "material", "First"), 1, ADMIN);
        Administration.Preview same = admin.preview("individual", new Administration.Draft("One", "editorial", "Nothing"))
                .orElseThrow();
        assertTrue(same.problems().containsKey("text"));
        Administration.Preview bad = admin.preview("individual", new Administration.Draft(" ", "sideways", "a\nb"))
                .orElseThrow();
        assertEquals(List.of("change", "changelog", "text"), bad.problems().keySet().stream().sorted().toList());
        assertTrue(admin.preview("unknown", new Administration.Draft("x", "material", "x")).isEmpty());
    }

    @Test
    void repositoriesAreOwnerSlashNameOrOwnerSlashStar() {
        admin.createAgreement("individual", "Individual CLA", "", ADMIN);
        assertNull(admin.mapRepository("Octo-Org/Hello.World", "individual", ADMIN));
        assertNull(admin.mapRepository("octo-org/*", "individual", ADMIN));
        assertEquals(List.of("octo-org/*", "octo-org/hello.world"),
                stores.mappings().stream().map(m -> m.pattern()).toList(), "lower case, as GitHub compares them");
        for (String bad : List.of("octo-org", "octo-org/", "/x", "a/b/c", "octo org/x", "-x/y", "x/*y")) {
            assertTrue(admin.mapRepository(bad, "individual", ADMIN) != null, bad);
        }
        assertTrue(admin.mapRepository("octo-org/x", "unknown", ADMIN) != null);
        assertTrue(admin.unmapRepository("Octo-Org/Hello.World", ADMIN));
        assertTrue(!admin.unmapRepository("octo-org/hello.world", ADMIN), "once");
    }
}
