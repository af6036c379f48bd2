package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.testing.ClaSteps;
import dev.octogate.testing.LogCapture;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarWithGitHub;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CLA site in the packaged WAR on Jetty, on a real PostgreSQL, driven as a browser would and
 * as an attacker would: every path of CLA.md's table, every rule of signing, every refusal. Each
 * test works on agreements of its own, so that the tests stay independent in one database.
 */
class ClaSiteIT {

    @RegisterExtension
    static final WarWithGitHub war = new WarWithGitHub("/cla", "app.admins", "Hubber", "github.scope", "user:email");

    @RegisterExtension
    final LogCapture log = LogCapture.of("dev.octogate");

    static final long HUBBER = 1001;
    static final long MONA = 1002;
    static final long OCTOCAT = 583231;
    private static final AtomicInteger SLUGS = new AtomicInteger();

    @BeforeEach
    void accounts() {
        war.github.addUser("hubber-code", "gho_hubber", "hubber", HUBBER);
        war.github.addUser("mona-code", "gho_mona", "mona", MONA, "mona@example.org", "mona@work.example");
    }

    // ------------------------------------------------------------------ helpers

    static TestBrowser signedIn(String code) throws Exception {
        return ClaSteps.signedIn(war.app.base(), code);
    }

    static String csrf(TestBrowser browser) throws Exception {
        return ClaSteps.csrf(browser, war.app.base());
    }

    static HttpResponse<String> post(TestBrowser browser, String path, String... form) throws Exception {
        return ClaSteps.post(browser, war.app.base(), path, form);
    }

    /** A new agreement published by the admin with {@code text} as version 1; its slug. */
    static String published(TestBrowser admin, String text) throws Exception {
        String slug = "cla-" + SLUGS.incrementAndGet();
        ClaSteps.create(admin, war.app.base(), slug, text);
        return slug;
    }

    static void publish(TestBrowser admin, String slug, String text, String change, String changelog) throws Exception {
        ClaSteps.publish(admin, war.app.base(), slug, text, change, changelog);
    }

    static Map<String, String> signForm(TestBrowser browser, String slug, String version) throws Exception {
        return ClaSteps.signForm(browser, war.app.base(), version);
    }

    static String sign(TestBrowser browser, String slug, String version) throws Exception {
        return ClaSteps.sign(browser, war.app.base(), slug, version);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // ------------------------------------------------------------------ reading

    @Test
    void anyoneReadsTheAgreementsTheirVersionsAndTheirHashes() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String text = "# Contributor agreement\r\n\r\nYou *grant* us a licence.\r\n";
        String slug = published(admin, text);
        publish(admin, slug, "# Contributor agreement\n\nYou *grant* us a licence, forever.\n", "editorial",
                "A typo fixed");
        TestBrowser anonymous = new TestBrowser();

        HttpResponse<String> list = anonymous.get(war.url("/agreements"));
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("href=\"/cla/agreements/" + slug + "\""), list.body());

        HttpResponse<String> page = anonymous.get(war.url("/agreements/" + slug));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("You <em>grant</em> us a licence, forever."), "rendered Markdown: " + page.body());
        assertTrue(page.body().contains("Version 2"), page.body());
        assertTrue(page.body().contains(sha256("# Contributor agreement\n\nYou *grant* us a licence, forever.\n"
                .getBytes(StandardCharsets.UTF_8))), page.body());
        assertTrue(page.body().contains("A typo fixed") && page.body().contains("editorial")
                && page.body().contains("First version") && page.body().contains("material"), "the history: " + page.body());
        assertTrue(page.body().contains("href=\"/cla/login?next=/agreements/" + slug + "/sign\""), page.body());

        HttpResponse<String> first = anonymous.get(war.url("/agreements/" + slug + "/versions/1"));
        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains(sha256("# Contributor agreement\n\nYou *grant* us a licence.\n"
                .getBytes(StandardCharsets.UTF_8))), "hashed with LF line endings: " + first.body());
        assertTrue(first.body().contains("not the current version"), first.body());

        HttpResponse<String> api = anonymous.get(war.url("/api/agreements"), "application/json");
        assertEquals(200, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(api.body().startsWith("["), api.body());
        assertTrue(Pattern.compile("\\{\"slug\":\"" + slug + "\",\"title\":\"Agreement " + slug
                + "\",\"version\":2,\"sha256\":\"[0-9a-f]{64}\",\"published_at\":\"[0-9T:.Z-]+\"}").matcher(api.body())
                .find(), api.body());
    }

    @Test
    void unknownAgreementsAndVersionsAreNotFound() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "Text");
        TestBrowser anonymous = new TestBrowser();
        assertEquals(404, anonymous.get(war.url("/agreements/no-such-thing")).statusCode());
        assertEquals(404, anonymous.get(war.url("/agreements/" + slug + "/versions/2")).statusCode());
        assertEquals(404, anonymous.get(war.url("/agreements/" + slug + "/versions/x")).statusCode());
        assertEquals(404, anonymous.get(war.url("/agreements/" + slug + "/versions/0")).statusCode());
        // An agreement without a published version is not shown, nor signable.
        String token = csrf(admin);
        assertEquals(303, post(admin, "/admin/agreements", "slug", "unpublished-" + SLUGS.incrementAndGet(),
                "title", "Draft", "csrf", token).statusCode());
        assertEquals(404, signedIn("mona-code").get(war.url("/agreements/unpublished-" + SLUGS.get() + "/sign"))
                .statusCode());
    }

    @Test
    void markdownCannotCarryScriptsOrDangerousLinks() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "<script>alert(1)</script>\n\n[click](javascript:alert(2)) "
                + "[ok](https://example.org/) [mail](mailto:legal@example.org)\n\n<img src=x onerror=alert(3)>");
        String page = new TestBrowser().get(war.url("/agreements/" + slug)).body();
        assertFalse(page.contains("<script>alert"), page);
        assertFalse(page.contains("<img src=x"), page);
        assertFalse(page.contains("href=\"javascript:"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "raw HTML is shown as text: " + page);
        assertTrue(page.contains("href=\"https://example.org/\""), page);
        assertTrue(page.contains("href=\"mailto:legal@example.org\""), page);
    }

    // ------------------------------------------------------------------ signing

    @Test
    void signingStoresTheSignatureAndShowsAReceiptOfTheExactText() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String text = "# Individual CLA\n\nI grant what I contribute.\n";
        String slug = published(admin, text);
        TestBrowser mona = signedIn("mona-code");

        HttpResponse<String> form = mona.get(war.url("/agreements/" + slug + "/sign"));
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"version\" value=\"1\""), form.body());
        assertTrue(form.body().contains("name=\"csrf\""), form.body());
        assertTrue(form.body().contains("I have read and agree to version 1"), form.body());
        assertTrue(form.body().contains("<option value=\"mona@example.org\">")
                && form.body().contains("<option value=\"mona@work.example\">"), "verified emails offered: " + form.body());
        assertFalse(form.body().contains("unverified@example.org"), form.body());

        String id = sign(mona, slug, "1");
        assertTrue(id.matches("[A-Za-z0-9_-]{22,}"), "at least 128 random bits, URL-safe: " + id);
        assertTrue(log.messages(Level.INFO).stream().anyMatch(line -> line.contains("login=mona")
                        && line.contains("id=" + MONA) && line.contains("agreement=" + slug) && line.contains("version=1")),
                log.messages(Level.INFO).toString());
        assertTrue(log.all().stream().noneMatch(line -> line.contains("Mona Lisa Octocat") || line.contains("mona@example.org")),
                "never the field values: " + log.all());

        HttpResponse<String> receipt = mona.get(war.url("/signatures/" + id));
        assertEquals(200, receipt.statusCode());
        for (String shown : new String[] {"Agreement " + slug, sha256(text.getBytes(StandardCharsets.UTF_8)), "mona",
                Long.toString(MONA), "Mona Lisa Octocat", "mona@example.org", "I grant what I contribute."}) {
            assertTrue(receipt.body().contains(shown), shown + " on " + receipt.body());
        }

        HttpResponse<String> txt = mona.get(war.url("/signatures/" + id + ".txt"), "*/*");
        assertEquals(200, txt.statusCode());
        assertEquals("text/plain;charset=utf-8", txt.headers().firstValue("Content-Type").orElse("")
                .replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        assertTrue(txt.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        String body = txt.body();
        int blank = body.indexOf("\n\n");
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : body.substring(0, blank).split("\n")) {
            header.put(line.substring(0, line.indexOf(": ")), line.substring(line.indexOf(": ") + 2));
        }
        assertEquals(id, header.get("Signature-Id"));
        assertEquals(slug, header.get("Agreement"));
        assertEquals("1", header.get("Version"));
        assertEquals("mona", header.get("GitHub-Login"));
        assertEquals(Long.toString(MONA), header.get("GitHub-User-Id"));
        assertTrue(header.get("Signed-At").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), header.toString());
        assertFalse(header.containsKey("Revoked-At"));
        byte[] signedText = body.substring(blank + 2).getBytes(StandardCharsets.UTF_8);
        assertEquals(header.get("Text-SHA256"), sha256(signedText), "the bytes after the blank line hash to Text-SHA256");
        assertEquals(sha256(text.getBytes(StandardCharsets.UTF_8)), header.get("Text-SHA256"));

        // Covered now: the form gives the receipt, signing again stores nothing twice.
        HttpResponse<String> again = mona.get(war.url("/agreements/" + slug + "/sign"));
        assertTrue(again.body().contains("/cla/signatures/" + id), again.body());
        assertEquals(id, sign(mona, slug, "1"));
        String api = mySignatures(mona);
        assertEquals(1, countOf(api, "\"agreement\":\"" + slug + "\""), api);
        assertTrue(api.contains("{\"id\":\"" + id + "\",\"agreement\":\"" + slug + "\",\"version\":1,\"sha256\":\""
                + header.get("Text-SHA256") + "\",\"signed_at\":\""), api);
        assertTrue(signature(mona, id).endsWith("\"revoked_at\":null,\"covers_current\":true}"), api);

        // The agreement page and the start page know it.
        String agreement = mona.get(war.url("/agreements/" + slug)).body();
        assertTrue(agreement.contains("You signed version 1 on") && agreement.contains("/cla/signatures/" + id), agreement);
        String home = mona.get(war.url("/")).body();
        assertTrue(home.contains("Hello mona!"), home);
        assertTrue(home.contains("href=\"/cla/signatures/" + id + "\""), home);
        assertFalse(home.contains("href=\"/cla/agreements/" + slug + "/sign\""), "not wanted any more: " + home);
    }

    static int countOf(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void theStartPageListsWhatStillWantsASignature() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "Text");
        String home = signedIn("mona-code").get(war.url("/")).body();
        assertTrue(home.contains("href=\"/cla/agreements/" + slug + "/sign\""), home);
    }

    @Test
    void aMissingTickOrABadFieldIsRefusedWithTheValuesKeptAndEachProblemNamed() throws Exception {
        String slug = published(signedIn("hubber-code"), "Text");
        TestBrowser mona = signedIn("mona-code");
        Map<String, String> form = signForm(mona, slug, "1");
        form.remove("agree");
        form.put("name", "Mona <b>\"Lisa\"</b>");
        form.put("email", "not-an-email");
        HttpResponse<String> refused = mona.postForm(war.url("/agreements/" + slug + "/sign"), form, TestBrowser.HTML);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("value=\"Mona &lt;b>&#34;Lisa&#34;&lt;/b>\""), "kept, escaped: " + refused.body());
        assertTrue(refused.body().contains("value=\"not-an-email\""), refused.body());
        assertEquals(2, countOf(refused.body(), "class=\"problem\""), "email and agree: " + refused.body());
        assertTrue(refused.body().contains("tick the box"), refused.body());

        form.put("agree", "yes");
        form.put("email", "mona@example.org");
        for (String bad : new String[] {"", "   ", "x".repeat(201), "Mona\u0007Lisa", "Mona\nLisa"}) {
            form.put("name", bad);
            HttpResponse<String> invalid = mona.postForm(war.url("/agreements/" + slug + "/sign"), form, TestBrowser.HTML);
            assertEquals(400, invalid.statusCode(), "name " + bad.length() + " characters");
            assertEquals(1, countOf(invalid.body(), "class=\"problem\""), invalid.body());
        }
        assertFalse(mySignatures(mona).contains("\"agreement\":\"" + slug + "\""), "nothing was stored");
    }

    @Test
    void aFormOfAnEarlierVersionIsRefused409WithTheNewTextAndWhatChanged() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "Version one text");
        TestBrowser mona = signedIn("mona-code");
        Map<String, String> form = signForm(mona, slug, "1");
        publish(admin, slug, "Version two text", "material", "Patents are now covered");
        HttpResponse<String> conflict = mona.postForm(war.url("/agreements/" + slug + "/sign"), form, TestBrowser.HTML);
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.body().contains("Version two text"), conflict.body());
        assertTrue(conflict.body().contains("Patents are now covered"), "says what changed: " + conflict.body());
        assertTrue(conflict.body().contains("name=\"version\" value=\"2\""), conflict.body());
        assertTrue(conflict.body().contains("value=\"Mona Lisa Octocat\""), "values kept: " + conflict.body());
        assertFalse(mySignatures(mona).contains("\"agreement\":\"" + slug + "\""), "nothing was stored");
        sign(mona, slug, "2");
    }

    @Test
    void formsWithoutTheAntiCsrfTokenAreRefused403() throws Exception {
        String slug = published(signedIn("hubber-code"), "Text");
        TestBrowser mona = signedIn("mona-code");
        Map<String, String> form = signForm(mona, slug, "1");
        form.put("csrf", "forged");
        assertEquals(403, mona.postForm(war.url("/agreements/" + slug + "/sign"), form, TestBrowser.HTML).statusCode());
        form.remove("csrf");
        assertEquals(403, mona.postForm(war.url("/agreements/" + slug + "/sign"), form, TestBrowser.HTML).statusCode());
        assertFalse(mySignatures(mona).contains("\"agreement\":\"" + slug + "\""), "nothing was stored");

        String id = sign(mona, slug, "1");
        assertEquals(403, post(mona, "/signatures/" + id + "/revoke").statusCode());
        assertEquals(403, post(mona, "/signatures/" + id + "/revoke", "csrf", "forged").statusCode());
        assertTrue(mySignatures(mona).contains("{\"id\":\"" + id + "\",\"agreement\":\"" + slug + "\""));
        assertTrue(signature(mona, id).contains("\"revoked_at\":null"), "not revoked");
    }

    static String mySignatures(TestBrowser browser) throws Exception {
        HttpResponse<String> api = browser.get(war.url("/api/me/signatures"), "application/json");
        assertEquals(200, api.statusCode(), api.body());
        return api.body();
    }

    /** The JSON object of one of the user's signatures. */
    static String signature(TestBrowser browser, String id) throws Exception {
        Matcher m = Pattern.compile("\\{\"id\":\"" + Pattern.quote(id) + "\"[^}]*}").matcher(mySignatures(browser));
        assertTrue(m.find(), id);
        return m.group();
    }

    @Test
    void anonymousCallersAreSentToSignInOrRefused401() throws Exception {
        String slug = published(signedIn("hubber-code"), "Text");
        TestBrowser anonymous = new TestBrowser();
        HttpResponse<String> form = anonymous.get(war.url("/agreements/" + slug + "/sign"));
        assertEquals(302, form.statusCode());
        assertTrue(TestBrowser.location(form).toString().contains("/cla/login?next="), TestBrowser.location(form).toString());
        HttpResponse<String> api = anonymous.get(war.url("/api/me/signatures"), "application/json");
        assertEquals(401, api.statusCode());
        assertTrue(api.body().startsWith("{\"error\":"), api.body());
        assertEquals(401, anonymous.postForm(war.url("/agreements/" + slug + "/sign"), Map.of("csrf", "x"),
                "application/json").statusCode());
    }

    @Test
    void aReceiptIsTheSignersAndTheAdminsOnlyAndLooksUnknownToEveryoneElse() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "Text");
        TestBrowser mona = signedIn("mona-code");
        String id = sign(mona, slug, "1");
        TestBrowser octocat = signedIn("test-code");

        HttpResponse<String> other = octocat.get(war.url("/signatures/" + id));
        HttpResponse<String> unknown = octocat.get(war.url("/signatures/AAAAAAAAAAAAAAAAAAAAAA"));
        assertEquals(404, other.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(unknown.body(), other.body(), "the same page as an unknown id");
        assertEquals(404, octocat.get(war.url("/signatures/" + id + ".txt"), "*/*").statusCode());
        assertEquals(404, post(octocat, "/signatures/" + id + "/revoke", "csrf", csrf(octocat)).statusCode());
        HttpResponse<String> json = octocat.get(war.url("/signatures/" + id), "application/json");
        assertEquals(404, json.statusCode());
        assertTrue(json.body().startsWith("{\"error\":\"not_found\""), json.body());

        assertEquals(200, admin.get(war.url("/signatures/" + id)).statusCode());
        assertEquals(200, admin.get(war.url("/signatures/" + id + ".txt"), "*/*").statusCode());
        assertEquals(404, post(admin, "/signatures/" + id + "/revoke", "csrf", csrf(admin)).statusCode(),
                "only the signer revokes");
        assertEquals(302, new TestBrowser().get(war.url("/signatures/" + id)).statusCode());
    }

    @Test
    void revokingEndsTheCoverageOnce() throws Exception {
        String slug = published(signedIn("hubber-code"), "Text");
        TestBrowser mona = signedIn("mona-code");
        String id = sign(mona, slug, "1");
        HttpResponse<String> revoked = post(mona, "/signatures/" + id + "/revoke", "csrf", csrf(mona));
        assertEquals(303, revoked.statusCode());
        assertEquals(war.url("/"), TestBrowser.location(revoked));
        assertTrue(log.messages(Level.INFO).stream().anyMatch(line -> line.contains("outcome=revoked")
                && line.contains("login=mona") && line.contains("agreement=" + slug)), log.messages(Level.INFO).toString());
        assertEquals(404, post(mona, "/signatures/" + id + "/revoke", "csrf", csrf(mona)).statusCode(), "once");

        String api = signature(mona, id);
        assertTrue(api.contains("\"covers_current\":false"), api);
        assertFalse(api.contains("\"revoked_at\":null"), api);
        String txt = mona.get(war.url("/signatures/" + id + ".txt"), "*/*").body();
        assertTrue(txt.substring(0, txt.indexOf("\n\n")).contains("\nRevoked-At: "), txt);
        String receipt = mona.get(war.url("/signatures/" + id)).body();
        assertTrue(receipt.contains("Revoked"), receipt);
        assertFalse(receipt.contains("/revoke\""), "nothing left to revoke: " + receipt);
        // Not covered: the form is back, and signing again makes a new signature.
        assertTrue(mona.get(war.url("/agreements/" + slug + "/sign")).body().contains("name=\"agree\""));
        assertNotEquals(id, sign(mona, slug, "1"));
    }

    @Test
    void editorialVersionsKeepSignaturesCoveringAndMaterialOnesDoNot() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "One");
        TestBrowser mona = signedIn("mona-code");
        String id = sign(mona, slug, "1");
        publish(admin, slug, "One, corrected", "editorial", "Typo");
        assertTrue(signature(mona, id).contains("\"covers_current\":true"));
        assertTrue(mona.get(war.url("/agreements/" + slug + "/sign")).body().contains("/cla/signatures/" + id),
                "an editorial change asks nobody to sign again");
        publish(admin, slug, "Two", "material", "New terms");
        assertTrue(signature(mona, id).contains("\"covers_current\":false"));
        String form = mona.get(war.url("/agreements/" + slug + "/sign")).body();
        assertTrue(form.contains("name=\"version\" value=\"3\""), form);
        assertTrue(mona.get(war.url("/")).body().contains("href=\"/cla/agreements/" + slug + "/sign\""));
    }

    @Test
    void concurrentSubmitsOfOneFormStoreOneSignature() throws Exception {
        String slug = published(signedIn("hubber-code"), "Text");
        TestBrowser mona = signedIn("mona-code");
        Map<String, String> form = signForm(mona, slug, "1");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> mona.postForm(war.url("/agreements/" + slug + "/sign"), form,
                        TestBrowser.HTML)));
            }
            java.util.Set<URI> receipts = new java.util.HashSet<>();
            for (var answer : answers) {
                assertEquals(303, answer.get().statusCode(), answer.get().body());
                receipts.add(TestBrowser.location(answer.get()));
            }
            assertEquals(1, receipts.size(), receipts.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, countOf(mySignatures(mona), "\"agreement\":\"" + slug + "\""));
    }

    // ------------------------------------------------------------------ administration

    @Test
    void onlyAdminsGetIntoAdmin() throws Exception {
        TestBrowser octocat = signedIn("test-code");
        HttpResponse<String> page = octocat.get(war.url("/admin/"));
        assertEquals(403, page.statusCode());
        HttpResponse<String> json = octocat.get(war.url("/admin/agreements/x/signatures.json"), "application/json");
        assertEquals(403, json.statusCode());
        assertEquals("{\"error\":\"forbidden\"}", json.body().replaceAll(",\"message\":\"[^\"]*\"", ""));
        assertEquals(403, post(octocat, "/admin/agreements", "slug", "mine", "title", "Mine", "csrf", csrf(octocat))
                .statusCode());
        assertEquals(302, new TestBrowser().get(war.url("/admin/")).statusCode());
        TestBrowser admin = signedIn("hubber-code");
        assertEquals(200, admin.get(war.url("/admin/")).statusCode(), "logins are matched case-insensitively");
        assertTrue(admin.get(war.url("/")).body().contains("href=\"/cla/admin/\""), "admins see the way in");
    }

    @Test
    void creatingAnAgreementChecksTheSlugAndTheTitle() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String token = csrf(admin);
        for (String bad : new String[] {"", "Upper", "-leading", "with space", "a".repeat(41), "ünïcode"}) {
            HttpResponse<String> refused = post(admin, "/admin/agreements", "slug", bad, "title", "T", "csrf", token);
            assertEquals(400, refused.statusCode(), bad);
            assertTrue(refused.body().contains("class=\"problem\""), refused.body());
        }
        String slug = "created-" + SLUGS.incrementAndGet();
        HttpResponse<String> created = post(admin, "/admin/agreements", "slug", slug, "title", "Created", "csrf", token);
        assertEquals(303, created.statusCode());
        assertEquals(war.url("/admin/agreements/" + slug), TestBrowser.location(created));
        HttpResponse<String> twice = post(admin, "/admin/agreements", "slug", slug, "title", "Again", "csrf", token);
        assertEquals(400, twice.statusCode());
        assertTrue(twice.body().contains("exists already"), twice.body());
        assertEquals(403, post(admin, "/admin/agreements", "slug", "x-" + slug, "title", "T").statusCode());
        String page = admin.get(war.url("/admin/agreements/" + slug)).body();
        assertTrue(page.contains("None published yet."), page);
    }

    @Test
    void publishingPreviewsWithALineDiffAndRefusesAStalePreview() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "line one\nline two\n");
        HttpResponse<String> preview = post(admin, "/admin/agreements/" + slug + "/versions", "action", "preview",
                "text", "line one\nline 2\n", "change", "editorial", "changelog", "Digits", "csrf", csrf(admin));
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("<span class=\"removed\">- line two</span>"), preview.body());
        assertTrue(preview.body().contains("<span class=\"added\">+ line 2</span>"), preview.body());
        assertTrue(preview.body().contains("name=\"number\" value=\"2\""), preview.body());
        assertEquals(1, countOf(admin.get(war.url("/api/agreements"), "application/json").body(),
                "\"slug\":\"" + slug + "\",\"title\":\"Agreement " + slug + "\",\"version\":1"), "a preview publishes nothing");

        publish(admin, slug, "line one\nline II\n", "editorial", "Roman");
        HttpResponse<String> stale = post(admin, "/admin/agreements/" + slug + "/versions", "action", "publish",
                "number", "2", "text", "line one\nline 2\n", "change", "editorial", "changelog", "Digits",
                "csrf", csrf(admin));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("Another version was published"), stale.body());

        for (String[] bad : new String[][] {{"", "material", "x"}, {"new", "sweeping", "x"}, {"new", "material", ""},
                {"line one\nline II\n", "editorial", "same"}}) {
            HttpResponse<String> refused = post(admin, "/admin/agreements/" + slug + "/versions", "text", bad[0],
                    "change", bad[1], "changelog", bad[2], "csrf", csrf(admin));
            assertEquals(400, refused.statusCode(), String.join("|", bad));
        }
        String fresh = "first-" + SLUGS.incrementAndGet();
        post(admin, "/admin/agreements", "slug", fresh, "title", "Fresh", "csrf", csrf(admin));
        assertEquals(400, post(admin, "/admin/agreements/" + fresh + "/versions", "text", "T", "change", "editorial",
                "changelog", "x", "csrf", csrf(admin)).statusCode(), "the first version is material");
        assertEquals(404, post(admin, "/admin/agreements/nope/versions", "text", "T", "change", "material",
                "changelog", "x", "csrf", csrf(admin)).statusCode());
    }

    @Test
    void signaturesArePagedSearchableAndExportedWithoutFormulas() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "Text");
        TestBrowser mona = signedIn("mona-code");
        Map<String, String> form = signForm(mona, slug, "1");
        form.put("name", "=HYPERLINK(\"http://evil.example\",\"x\")");
        assertEquals(303, mona.postForm(war.url("/agreements/" + slug + "/sign"), form, TestBrowser.HTML).statusCode());
        TestBrowser octocat = signedIn("test-code");
        Map<String, String> other = signForm(octocat, slug, "1");
        other.put("name", "Octo, \"the\" Cat");
        other.put("email", "octo@example.org");
        assertEquals(303, octocat.postForm(war.url("/agreements/" + slug + "/sign"), other, TestBrowser.HTML).statusCode());

        String all = admin.get(war.url("/admin/agreements/" + slug)).body();
        assertTrue(all.contains("Signatures (2)"), all);
        String found = admin.get(war.url("/admin/agreements/" + slug + "?q=MO")).body();
        assertTrue(found.contains("Signatures (1)") && found.contains("<td>mona</td>"), found);
        assertFalse(found.contains("<td>octocat</td>"), found);
        assertTrue(admin.get(war.url("/admin/agreements/" + slug + "?q=%25")).body().contains("Signatures (0)"),
                "% is a character, not a wildcard");

        HttpResponse<String> csv = admin.get(war.url("/admin/agreements/" + slug + "/signatures.csv"), "*/*");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("id,user_id,login,version,sha256,signed_at,revoked_at,name,email", lines[0]);
        assertEquals(3, lines.length, csv.body());
        assertTrue(csv.body().contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",mona@example.org"),
                "quoted per RFC 4180, the formula defused: " + csv.body());
        assertTrue(csv.body().contains(",\"Octo, \"\"the\"\" Cat\",octo@example.org"), csv.body());

        HttpResponse<String> json = admin.get(war.url("/admin/agreements/" + slug + "/signatures.json"), "*/*");
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(Pattern.compile("\\{\"id\":\"[A-Za-z0-9_-]{22,}\",\"user_id\":" + MONA
                + ",\"login\":\"mona\",\"version\":1,\"sha256\":\"[0-9a-f]{64}\",\"signed_at\":\"[^\"]+\",\"revoked_at\":null,"
                + "\"fields\":\\{\"name\":\"=HYPERLINK\\(\\\\\"http://evil.example\\\\\",\\\\\"x\\\\\"\\)\",\"email\":\"mona@example.org\"}}")
                .matcher(json.body()).find(), json.body());
        assertEquals(404, admin.get(war.url("/admin/agreements/nope/signatures.csv"), "*/*").statusCode());
    }

    @Test
    void repositoriesAreMappedAndUnmapped() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "Text");
        String repository = "octo-org-" + SLUGS.incrementAndGet() + "/*";
        assertEquals(303, post(admin, "/admin/repositories", "repository", repository, "agreement", slug,
                "csrf", csrf(admin)).statusCode());
        String page = admin.get(war.url("/admin/")).body();
        assertTrue(page.contains("<code>" + repository + "</code>"), page);
        for (String bad : new String[] {"", "no-slash", "a/b/c", "owner/", "/name", "own er/x"}) {
            assertEquals(400, post(admin, "/admin/repositories", "repository", bad, "agreement", slug,
                    "csrf", csrf(admin)).statusCode(), bad);
        }
        assertEquals(400, post(admin, "/admin/repositories", "repository", "a/b", "agreement", "no-such",
                "csrf", csrf(admin)).statusCode());
        assertEquals(303, post(admin, "/admin/repositories/delete", "repository", repository, "csrf", csrf(admin))
                .statusCode());
        assertFalse(admin.get(war.url("/admin/")).body().contains("<code>" + repository + "</code>"));
        assertEquals(404, post(admin, "/admin/repositories/delete", "repository", repository, "csrf", csrf(admin))
                .statusCode());
    }

    @Test
    void theAuditLogRecordsEveryChangeAndItsChainHolds() throws Exception {
        TestBrowser admin = signedIn("hubber-code");
        String slug = published(admin, "Text");
        TestBrowser mona = signedIn("mona-code");
        String id = sign(mona, slug, "1");
        post(mona, "/signatures/" + id + "/revoke", "csrf", csrf(mona));
        HttpResponse<String> audit = admin.get(war.url("/admin/audit"));
        assertEquals(200, audit.statusCode());
        String page = audit.body();
        assertTrue(page.contains("class=\"notice verified\""), page);
        for (String action : new String[] {"agreement created", "version published", "signature stored",
                "signature revoked"}) {
            assertTrue(page.contains(action), action + ": " + page);
        }
        Matcher signed = Pattern.compile("signature stored</td><td>" + slug).matcher(page);
        assertTrue(signed.find(), page);
        assertTrue(page.indexOf("signature revoked") < page.indexOf("signature stored</td><td>" + slug), "newest first");
        assertEquals(403, signedIn("test-code").get(war.url("/admin/audit")).statusCode());
    }
}
