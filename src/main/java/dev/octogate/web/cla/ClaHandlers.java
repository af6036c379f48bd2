package dev.octogate.web.cla;

import dev.octogate.cla.Catalog;
import dev.octogate.cla.Coverage;
import dev.octogate.cla.Receipt;
import dev.octogate.cla.SignForm;
import dev.octogate.cla.SignOutcome;
import dev.octogate.cla.Signer;
import dev.octogate.cla.Signing;
import dev.octogate.github.GitHubException;
import dev.octogate.github.GitHubUser;
import dev.octogate.github.UserApi;
import dev.octogate.signin.SignedInUser;
import dev.octogate.store.Agreement;
import dev.octogate.store.AgreementVersion;
import dev.octogate.store.Signature;
import dev.octogate.store.SignatureStore;
import dev.octogate.store.StoreUnavailable;
import dev.octogate.web.http.Exchange;
import dev.octogate.web.http.JsonText;
import dev.octogate.web.http.Link;
import dev.octogate.web.http.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CLA site's handlers: agreements to read, the signing form, receipts, revocation and the
 * JSON views. Each translates HTTP into a call of {@code dev.octogate.cla} and its answer back.
 */
public final class ClaHandlers {

    private final Catalog catalog;
    private final Signing signing;
    private final SignatureStore signatures;
    private final UserApi github;

    public ClaHandlers(Catalog catalog, Signing signing, SignatureStore signatures, UserApi github) {
        this.catalog = catalog;
        this.signing = signing;
        this.signatures = signatures;
        this.github = github;
    }

    /** {@code GET /}: the greeting, the user's signatures, and the agreements still wanting theirs. */
    public void home(Exchange exchange) throws IOException {
        SignedInUser user = exchange.user();
        GitHubUser profile = user.profile();
        Catalog.Dashboard dashboard = catalog.dashboard(user.id());
        exchange.page(200, new ClaPages.Home(nav(exchange), blank(profile.name()), blank(profile.avatarUrl()),
                httpOnly(profile.htmlUrl()), dashboard.signatures(), dashboard.wanting()));
    }

    /** {@code GET /agreements}. */
    public void agreements(Exchange exchange) throws IOException {
        exchange.page(200, new ClaPages.Agreements(nav(exchange), catalog.published()));
    }

    /** {@code GET /agreements/{slug}}: the current version. */
    public void agreement(Exchange exchange) throws IOException {
        Optional<Catalog.Entry> entry = published(exchange.pathParameter("slug"));
        if (entry.isEmpty()) {
            notFound(exchange);
            return;
        }
        show(exchange, entry.get(), entry.get().current());
    }

    /** {@code GET /agreements/{slug}/versions/{n}}. */
    public void version(Exchange exchange) throws IOException {
        Optional<Catalog.Entry> entry = published(exchange.pathParameter("slug"));
        Optional<AgreementVersion> version = entry.flatMap(e -> e.version(number(exchange.pathParameter("n"))));
        if (version.isEmpty()) {
            notFound(exchange);
            return;
        }
        show(exchange, entry.get(), version.get());
    }

    private void show(Exchange exchange, Catalog.Entry entry, AgreementVersion shown) throws IOException {
        Optional<SignedInUser> user = exchange.currentUser();
        Signature covering = user.flatMap(u -> signatures.standing(entry.agreement().id(), u.id(), entry.lastMaterial()))
                .orElse(null);
        exchange.page(200, new ClaPages.Agreement(nav(exchange), entry, shown, covering));
    }

    /** {@code GET /agreements/{slug}/sign}: the form, or the covered user's receipt. */
    public void signForm(Exchange exchange) throws IOException {
        SignedInUser user = exchange.user();
        Optional<Catalog.Entry> entry = published(exchange.pathParameter("slug"));
        if (entry.isEmpty()) {
            notFound(exchange);
            return;
        }
        // The published text from the catalog (a version newer than it is caught by the POST's
        // version check); whether the user is covered, from the database.
        Signing.Offer offer = new Signing.Offer(entry.get().agreement(), entry.get().current(), entry.get().versions(),
                signatures.standing(entry.get().agreement().id(), user.id(), entry.get().lastMaterial()));
        SignForm typed = new SignForm(blankToEmpty(user.profile().name()), "", Map.of(), false, "");
        exchange.page(200, form(exchange, offer, typed, Map.of(), null));
    }

    /** {@code POST /agreements/{slug}/sign} (its anti-CSRF token checked already). */
    public void sign(Exchange exchange) throws IOException {
        SignedInUser user = exchange.user();
        String slug = exchange.pathParameter("slug");
        Map<String, String> extra = new HashMap<>();
        for (String name : exchange.request().getParameterMap().keySet()) {
            if (!name.equals("csrf")) {
                extra.put(name, orEmpty(exchange.parameter(name)));
            }
        }
        SignForm typed = new SignForm(orEmpty(exchange.parameter("name")), orEmpty(exchange.parameter("email")), extra,
                exchange.parameter("agree") != null, exchange.parameter("version"));
        SignOutcome outcome;
        try {
            outcome = signing.sign(slug, signer(user), typed);
        } catch (StoreUnavailable e) {
            databaseDown(exchange, slug, typed);
            return;
        }
        if (outcome instanceof SignOutcome.Signed signed) {
            catalog.changed();
            exchange.redirect(303, "/signatures/" + signed.signature().id());
        } else if (outcome instanceof SignOutcome.AlreadyCovered covered) {
            exchange.redirect(303, "/signatures/" + covered.existing().id());
        } else if (outcome instanceof SignOutcome.Invalid invalid) {
            exchange.page(400, form(exchange, invalid.offer(), typed, invalid.problems(),
                    "Some answers need a second look; nothing was signed."));
        } else if (outcome instanceof SignOutcome.VersionChanged changed) {
            exchange.page(409, form(exchange, changed.offer(), typed, Map.of(), "A new version ("
                    + changed.offer().current().number() + ") was published while you read"
                    + (changed.shown() > 0 ? " version " + changed.shown() : "") + ": "
                    + changed.offer().current().changelog() + " Please read it below; nothing was signed."));
        } else {
            notFound(exchange);
        }
    }

    /**
     * The database did not answer: nothing was signed. The form comes back with what was typed,
     * from the published text this node already holds, so that trying again is one click.
     */
    private void databaseDown(Exchange exchange, String slug, SignForm typed) throws IOException {
        Optional<Catalog.Entry> entry = catalog.lastKnown(slug).filter(Catalog.Entry::published);
        if (entry.isEmpty()) {
            throw new StoreUnavailable(new IllegalStateException("no copy of " + slug + " to show the form with"));
        }
        Signing.Offer offer = new Signing.Offer(entry.get().agreement(), entry.get().current(), entry.get().versions(),
                Optional.empty());
        exchange.response().setHeader("Retry-After", "5");
        exchange.page(503, form(exchange, offer, typed, Map.of(),
                "The database is not answering, so nothing was signed. Your answers are kept: please try again."));
    }

    private ClaPages.Sign form(Exchange exchange, Signing.Offer offer, SignForm typed, Map<String, String> problems,
                               String notice) {
        List<ClaPages.Field> fields = new ArrayList<>();
        fields.add(new ClaPages.Field("name", "Full name", "text", typed.name(), problems.get("name")));
        fields.add(new ClaPages.Field("email", "Email", "email", typed.email(), problems.get("email")));
        for (Agreement.ExtraField field : offer.agreement().fields()) {
            fields.add(new ClaPages.Field(field.name(), field.label(), "text",
                    typed.extra().getOrDefault(field.name(), ""), problems.get(field.name())));
        }
        Catalog.Entry entry = new Catalog.Entry(offer.agreement(), offer.versions(),
                Coverage.lastMaterial(offer.versions()));
        return new ClaPages.Sign(nav(exchange), entry, offer.current(), fields, typed.agree(), problems.get("agree"),
                verifiedEmails(exchange.user()), notice, offer.covering().orElse(null));
    }

    /** The user's verified emails when the token may read them; none (the field is typed) otherwise. */
    private List<String> verifiedEmails(SignedInUser user) {
        if (!user.scopes().contains("user:email") && !user.scopes().contains("user")) {
            return List.of();
        }
        try {
            return github.verifiedEmails(user.accessToken());
        } catch (GitHubException e) {
            return List.of();
        }
    }

    /** {@code GET /signatures/{id}}: the receipt, for its signer and admins; {@code 404} for anyone else. */
    public void receipt(Exchange exchange) throws IOException {
        Optional<Readable> readable = readable(exchange);
        if (readable.isEmpty()) {
            notFound(exchange);
            return;
        }
        Signature signature = readable.get().signature();
        boolean own = signature.userId() == exchange.user().id();
        exchange.page(200, new ClaPages.Receipt(nav(exchange), signature, readable.get().version(),
                own && !signature.revoked()));
    }

    /** {@code GET /signatures/{id}.txt}: the receipt as text, the exact text signed after a blank line. */
    public void receiptText(Exchange exchange) throws IOException {
        Optional<Readable> readable = readable(exchange);
        if (readable.isEmpty()) {
            notFound(exchange);
            return;
        }
        byte[] text = Receipt.text(readable.get().signature(), readable.get().version()).getBytes(StandardCharsets.UTF_8);
        exchange.response().setStatus(200);
        exchange.response().setContentType("text/plain;charset=utf-8");
        exchange.response().setHeader("Content-Disposition", "attachment; filename=\"receipt-"
                + readable.get().signature().id() + ".txt\"");
        exchange.response().setContentLength(text.length);
        exchange.response().getOutputStream().write(text);
    }

    /** {@code POST /signatures/{id}/revoke}: the signer's own, once. */
    public void revoke(Exchange exchange) throws IOException {
        SignedInUser user = exchange.user();
        if (!signing.revoke(exchange.pathParameter("id"), signer(user))) {
            notFound(exchange);
            return;
        }
        catalog.changed();
        exchange.redirect(303, Paths.HOME);
    }

    /** {@code GET /api/agreements}. */
    public void apiAgreements(Exchange exchange) throws IOException {
        List<String> items = new ArrayList<>();
        for (Catalog.Entry entry : catalog.published()) {
            AgreementVersion current = entry.current();
            items.add(JsonText.object().field("slug", entry.agreement().slug()).field("title", entry.agreement().title())
                    .field("version", current.number()).field("sha256", current.sha256())
                    .field("published_at", current.publishedAt().toString()).end());
        }
        exchange.json(200, JsonText.array(items));
    }

    /** {@code GET /api/me/signatures}. */
    public void apiMySignatures(Exchange exchange) throws IOException {
        List<String> items = new ArrayList<>();
        for (Catalog.Signed signed : catalog.dashboard(exchange.user().id()).signatures()) {
            Signature s = signed.signature();
            items.add(JsonText.object().field("id", s.id()).field("agreement", s.agreementSlug())
                    .field("version", s.version()).field("sha256", s.sha256())
                    .field("signed_at", s.signedAt().toString())
                    .field("revoked_at", s.revokedAt() == null ? null : s.revokedAt().toString())
                    .field("covers_current", signed.coversCurrent()).end());
        }
        exchange.json(200, JsonText.array(items));
    }

    /** A signature the asker may read (its signer, or an admin), with the version signed. */
    private record Readable(Signature signature, AgreementVersion version) {
    }

    private Optional<Readable> readable(Exchange exchange) {
        SignedInUser user = exchange.user();
        Optional<Signature> signature = signatures.byId(exchange.pathParameter("id"))
                .filter(s -> s.userId() == user.id() || user.admin());
        return signature.flatMap(s -> catalog.version(s.agreementSlug(), s.version()).map(v -> new Readable(s, v)));
    }

    private Optional<Catalog.Entry> published(String slug) {
        return catalog.entry(slug).filter(Catalog.Entry::published);
    }

    static void notFound(Exchange exchange) throws IOException {
        exchange.error(404, "not_found", "Not found", "There is nothing here, or it is not yours to see.",
                new Link("/agreements", "See the agreements"));
    }

    private static ClaPages.Nav nav(Exchange exchange) {
        return ClaPages.Nav.of(exchange.root(), exchange.currentUser().orElse(null));
    }

    private static Signer signer(SignedInUser user) {
        return new Signer(user.id(), user.login());
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String httpOnly(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : "#";
    }
}
