package dev.octogate.cla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.store.AgreementVersion;
import dev.octogate.store.ChangeKind;
import dev.octogate.store.Signature;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLA's rules that need no database: coverage, text hashes, Markdown, receipts, CSV, diffs, fields. */
class RulesTest {

    static AgreementVersion version(int number, ChangeKind change) {
        return new AgreementVersion(1, number, change, "v" + number, "text " + number, "<p>text</p>",
                TextHash.of("text " + number), Instant.EPOCH);
    }

    static Signature signature(int version, Instant revokedAt) {
        return new Signature("s" + version, 1, "individual", "Individual", version, 7, "mona", "x",
                Map.of("name", "Mona", "email", "mona@example.org"), Instant.EPOCH, revokedAt);
    }

    // ---------------------------------------------------------------- coverage

    @Test
    void aSignatureCoversUntilAMaterialVersionComesAfterIt() {
        List<AgreementVersion> versions = new ArrayList<>(List.of(version(1, ChangeKind.MATERIAL)));
        assertEquals(1, Coverage.lastMaterial(versions));
        assertTrue(Coverage.covers(signature(1, null), 1));

        versions.add(version(2, ChangeKind.EDITORIAL));
        versions.add(version(3, ChangeKind.EDITORIAL));
        assertEquals(1, Coverage.lastMaterial(versions), "editorial changes keep earlier signatures");
        assertTrue(Coverage.covers(signature(1, null), Coverage.lastMaterial(versions)));

        versions.add(version(4, ChangeKind.MATERIAL));
        versions.add(version(5, ChangeKind.EDITORIAL));
        int last = Coverage.lastMaterial(versions);
        assertEquals(4, last);
        assertFalse(Coverage.covers(signature(1, null), last), "a material change needs a new signature");
        assertFalse(Coverage.covers(signature(3, null), last));
        assertTrue(Coverage.covers(signature(4, null), last));
        assertTrue(Coverage.covers(signature(5, null), last), "signing an editorial version after it covers too");
    }

    @Test
    void aRevokedSignatureCoversNothing() {
        assertFalse(Coverage.covers(signature(1, Instant.EPOCH), 1));
    }

    @Test
    void withoutAVersionNothingIsCovered() {
        assertEquals(0, Coverage.lastMaterial(List.of()));
        assertFalse(Coverage.covers(signature(1, null), 0));
    }

    // ---------------------------------------------------------------- text hashes

    @Test
    void theHashIsOfTheUtf8TextWithLfLineEndings() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TextHash.of(""));
        assertEquals("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", TextHash.of("hello\n"));
        assertEquals(TextHash.of("a\nb\n"), TextHash.of("a\r\nb\r\n"), "CRLF is LF");
        assertEquals(TextHash.of("a\nb\n"), TextHash.of("a\rb\r"), "a lone CR is LF");
        assertEquals("a\nb", TextHash.normalize("a\r\nb"));
    }

    // ---------------------------------------------------------------- Markdown

    @Test
    void rawHtmlIsShownAsTextNeverRendered() {
        String html = new Markdown().render("# Title\n\n<script>alert(1)</script>\n\n<b>bold</b> text");
        assertTrue(html.contains("<h1>Title</h1>"), html);
        assertFalse(html.contains("<script>") || html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void onlyHttpHttpsAndMailtoBecomeLinks() {
        Markdown markdown = new Markdown();
        assertTrue(markdown.render("[a](https://example.org)").contains("href=\"https://example.org\""));
        assertTrue(markdown.render("[a](http://example.org)").contains("href=\"http://example.org\""));
        assertTrue(markdown.render("[a](mailto:x@example.org)").contains("href=\"mailto:x@example.org\""));
        for (String url : List.of("javascript:alert(1)", "data:text/html,x", "vbscript:x", "JAVASCRIPT:alert(1)")) {
            String html = markdown.render("[a](" + url + ") ![i](" + url + ")");
            assertFalse(html.toLowerCase().contains(url.toLowerCase().substring(0, 5)), url + ": " + html);
        }
    }

    // ---------------------------------------------------------------- receipts

    @Test
    void theReceiptsTextAfterItsBlankLineHashesToItsTextSha256() {
        String text = "# Agreement\n\nThe exact text, ✓ accented é.\n";
        AgreementVersion v = new AgreementVersion(1, 2, ChangeKind.MATERIAL, "x", text, "", TextHash.of(text), Instant.EPOCH);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Mona Lisa");
        fields.put("email", "mona@example.org");
        fields.put("company-name", "Octo Inc");
        Signature s = new Signature("abcdefghijklmnopqrstuv", 1, "individual", "Individual CLA", 2, 583231, "mona",
                v.sha256(), fields, Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"));
        String receipt = Receipt.text(s, v);
        int blank = receipt.indexOf("\n\n");
        String head = receipt.substring(0, blank);
        assertTrue(head.contains("Signature-Id: abcdefghijklmnopqrstuv\n"), head);
        assertTrue(head.contains("Agreement: individual\n"), head);
        assertTrue(head.contains("Version: 2\n"), head);
        assertTrue(head.contains("Text-SHA256: " + v.sha256() + "\n"), head);
        assertTrue(head.contains("GitHub-Login: mona\n"), head);
        assertTrue(head.contains("GitHub-User-Id: 583231\n"), head);
        assertTrue(head.contains("Signed-At: 2026-12-01T10:00:00Z\n"), head);
        assertTrue(head.contains("Revoked-At: 2026-12-02T10:00:00Z"), head);
        assertTrue(head.contains("Company-Name: Octo Inc"), head);
        byte[] after = receipt.substring(blank + 2).getBytes(StandardCharsets.UTF_8);
        assertEquals(v.sha256(), java.util.HexFormat.of().formatHex(dev.octogate.crypto.Sha256.of(after)));
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void csvQuotesAsRfc4180Says() throws Exception {
        StringWriter out = new StringWriter();
        Csv.row(out, List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", ""));
        assertEquals("plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\",\r\n", out.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
    void aCellASpreadsheetWouldRunAsAFormulaIsDefused(String cell) {
        assertTrue(Csv.cell(cell).startsWith("'") || Csv.cell(cell).startsWith("\"'"), Csv.cell(cell));
    }

    @Test
    void ordinaryCellsStayAsTheyAre() {
        assertEquals("mona", Csv.cell("mona"));
        assertEquals("2026-12-01T10:00:00Z", Csv.cell("2026-12-01T10:00:00Z"));
        assertEquals("a-b", Csv.cell("a-b"));
    }

    // ---------------------------------------------------------------- diffs and fields

    @Test
    void aLineDiffShowsWhatChanged() {
        List<LineDiff.Line> diff = LineDiff.between("a\nb\nc", "a\nB\nc\nd");
        assertEquals(List.of(new LineDiff.Line(LineDiff.Kind.SAME, "a"), new LineDiff.Line(LineDiff.Kind.REMOVED, "b"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "B"), new LineDiff.Line(LineDiff.Kind.SAME, "c"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "d")), diff);
        assertEquals(List.of(new LineDiff.Line(LineDiff.Kind.ADDED, "x")), LineDiff.between("", "x"));
    }

    @Test
    void fieldsAreOneToTwoHundredCharactersWithoutControlCharacters() {
        assertNull(Fields.problem("Mona Lisa"));
        assertNull(Fields.problem("x".repeat(200)));
        assertTrue(Fields.problem("x".repeat(201)) != null);
        assertTrue(Fields.problem("") != null && Fields.problem("  ") != null && Fields.problem(null) != null);
        assertTrue(Fields.problem("a\nb") != null && Fields.problem("a\u202eb") != null && Fields.problem("a\u0085b") != null);
        assertNull(Fields.emailProblem("mona@example.org"));
        for (String bad : List.of("mona", "mona@", "@example.org", "mona@example", "mo na@example.org")) {
            assertTrue(Fields.emailProblem(bad) != null, bad);
        }
    }
}
