package dev.octogate.web.admin;

import dev.octogate.admin.Administration;
import dev.octogate.cla.AuditCheck;
import dev.octogate.cla.Catalog;
import dev.octogate.cla.Csv;
import dev.octogate.signin.SignedInUser;
import dev.octogate.store.Actor;
import dev.octogate.store.AuditLog;
import dev.octogate.store.Signature;
import dev.octogate.store.SignatureStore;
import dev.octogate.web.cla.ClaPages;
import dev.octogate.web.http.Exchange;
import dev.octogate.web.http.JsonText;
import dev.octogate.web.http.Link;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin pages and forms (the route table lets only admins in, and checks every form's
 * anti-CSRF token). Each translates HTTP into a call of {@code dev.octogate.admin} and back.
 */
public final class AdminHandlers {

    /** Signatures per page of an agreement's list. */
    static final int PAGE_SIZE = 50;
    /** Audit entries shown (the whole chain is checked). */
    static final int AUDIT_SHOWN = 500;

    private final Administration administration;
    private final SignatureStore signatures;
    private final AuditLog audit;
    private final Catalog catalog;

    public AdminHandlers(Administration administration, SignatureStore signatures, AuditLog audit, Catalog catalog) {
        this.administration = administration;
        this.signatures = signatures;
        this.audit = audit;
        this.catalog = catalog;
    }

    /** {@code GET /admin}: to {@code /admin/}. */
    public void toOverview(Exchange exchange) {
        exchange.redirect(302, "/admin/");
    }

    /** {@code GET /admin/}. */
    public void overview(Exchange exchange) throws IOException {
        overview(exchange, 200, Map.of(), Map.of());
    }

    private void overview(Exchange exchange, int status, Map<String, String> typed, Map<String, String> problems)
            throws IOException {
        exchange.page(status, new AdminPages.Overview(nav(exchange), administration.overview(), typed, problems));
    }

    /** {@code POST /admin/agreements}: a new agreement, no version yet; {@code 303} to its page. */
    public void createAgreement(Exchange exchange) throws IOException {
        Map<String, String> typed = typed(exchange, "slug", "title", "fields");
        Administration.Creation created = administration.createAgreement(typed.get("slug"), typed.get("title"),
                typed.get("fields"), actor(exchange));
        if (created instanceof Administration.Creation.Created done) {
            catalog.changed();
            exchange.redirect(303, "/admin/agreements/" + done.agreement().slug());
        } else {
            overview(exchange, 400, typed, ((Administration.Creation.Invalid) created).problems());
        }
    }

    /** {@code GET /admin/agreements/{slug}[?q=LOGIN&page=N]}. */
    public void agreement(Exchange exchange) throws IOException {
        Optional<Administration.History> history = administration.history(exchange.pathParameter("slug"));
        if (history.isEmpty()) {
            notFound(exchange);
            return;
        }
        String search = exchange.parameter("q") == null ? "" : exchange.parameter("q").trim();
        int page = Math.max(1, number(exchange.parameter("page")));
        SignatureStore.Page found = signatures.page(history.get().agreement().id(), search, (page - 1) * PAGE_SIZE,
                PAGE_SIZE);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        exchange.page(200, new AdminPages.Agreement(nav(exchange), history.get(), found.signatures(), found.total(),
                page, pages, search));
    }

    /**
     * {@code POST /admin/agreements/{slug}/versions}: {@code action=preview} (the admin page's form)
     * shows the rendering and the line diff; otherwise it publishes ({@code 303} back), as version
     * {@code number} when the preview named one, refused {@code 409} if another came first.
     */
    public void publish(Exchange exchange) throws IOException {
        String slug = exchange.pathParameter("slug");
        Administration.Draft draft = new Administration.Draft(exchange.parameter("text"), exchange.parameter("change"),
                exchange.parameter("changelog"));
        if ("preview".equals(exchange.parameter("action"))) {
            Optional<Administration.Preview> preview = administration.preview(slug, draft);
            if (preview.isEmpty()) {
                notFound(exchange);
                return;
            }
            exchange.page(preview.get().problems().isEmpty() ? 200 : 400, new AdminPages.Preview(nav(exchange), preview.get()));
            return;
        }
        Optional<Administration.Publication> publication = administration.publish(slug, draft,
                number(exchange.parameter("number")), actor(exchange));
        if (publication.isEmpty()) {
            notFound(exchange);
        } else if (publication.get() instanceof Administration.Publication.Published) {
            catalog.changed();
            exchange.redirect(303, "/admin/agreements/" + slug);
        } else {
            Administration.Preview refused = ((Administration.Publication.Refused) publication.get()).preview();
            exchange.page(refused.problems().containsKey("number") ? 409 : 400, new AdminPages.Preview(nav(exchange), refused));
        }
    }

    /** {@code GET /admin/agreements/{slug}/signatures.csv}: every signature, streamed from the database. */
    public void csv(Exchange exchange) throws IOException {
        Optional<Administration.History> history = administration.history(exchange.pathParameter("slug"));
        if (history.isEmpty()) {
            notFound(exchange);
            return;
        }
        List<String> extra = history.get().agreement().fields().stream().map(f -> f.name()).toList();
        Writer out = download(exchange, "text/csv;charset=utf-8", history.get().agreement().slug() + ".csv");
        List<String> header = new ArrayList<>(List.of("id", "user_id", "login", "version", "sha256", "signed_at",
                "revoked_at", "name", "email"));
        header.addAll(extra);
        Csv.row(out, header);
        stream(history.get(), signature -> {
            List<String> row = new ArrayList<>(List.of(signature.id(), Long.toString(signature.userId()),
                    signature.login(), Integer.toString(signature.version()), signature.sha256(),
                    signature.signedAt().toString(), signature.revokedAt() == null ? "" : signature.revokedAt().toString(),
                    signature.fields().getOrDefault("name", ""), signature.fields().getOrDefault("email", "")));
            extra.forEach(name -> row.add(signature.fields().getOrDefault(name, "")));
            Csv.row(out, row);
        });
        out.flush();
    }

    /** {@code GET /admin/agreements/{slug}/signatures.json}: the same as a JSON array, streamed. */
    public void json(Exchange exchange) throws IOException {
        Optional<Administration.History> history = administration.history(exchange.pathParameter("slug"));
        if (history.isEmpty()) {
            notFound(exchange);
            return;
        }
        Writer out = download(exchange, "application/json", history.get().agreement().slug() + ".json");
        out.write('[');
        boolean[] first = {true};
        stream(history.get(), signature -> {
            JsonText fields = JsonText.object();
            signature.fields().forEach(fields::field);
            out.write(first[0] ? "" : ",");
            first[0] = false;
            out.write(JsonText.object().field("id", signature.id()).field("user_id", signature.userId())
                    .field("login", signature.login()).field("version", signature.version())
                    .field("sha256", signature.sha256()).field("signed_at", signature.signedAt().toString())
                    .field("revoked_at", signature.revokedAt() == null ? null : signature.revokedAt().toString())
                    .raw("fields", fields.end()).end());
        });
        out.write(']');
        out.flush();
    }

    private interface Row {
        void write(Signature signature) throws IOException;
    }

    private void stream(Administration.History history, Row row) throws IOException {
        try {
            signatures.export(history.agreement().id(), signature -> {
                try {
                    row.write(signature);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away mid-download
        }
    }

    private static Writer download(Exchange exchange, String contentType, String filename) throws IOException {
        exchange.response().setStatus(200);
        exchange.response().setContentType(contentType);
        exchange.response().setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return new BufferedWriter(new OutputStreamWriter(exchange.response().getOutputStream(), StandardCharsets.UTF_8),
                16 * 1024);
    }

    /** {@code POST /admin/repositories}: which agreement a repository's pull requests need. */
    public void mapRepository(Exchange exchange) throws IOException {
        Map<String, String> typed = typed(exchange, "repository", "agreement");
        String problem = administration.mapRepository(typed.get("repository"), typed.get("agreement"), actor(exchange));
        if (problem != null) {
            overview(exchange, 400, typed, Map.of("repository", problem));
            return;
        }
        exchange.redirect(303, "/admin/");
    }

    /** {@code POST /admin/repositories/delete}. */
    public void unmapRepository(Exchange exchange) throws IOException {
        if (!administration.unmapRepository(exchange.parameter("repository"), actor(exchange))) {
            notFound(exchange);
            return;
        }
        exchange.redirect(303, "/admin/");
    }

    /** {@code GET /admin/audit}: the newest entries, and the whole chain checked. */
    public void audit(Exchange exchange) throws IOException {
        exchange.page(200, new AdminPages.Audit(nav(exchange), audit.newest(AUDIT_SHOWN), AuditCheck.of(audit)));
    }

    private static Map<String, String> typed(Exchange exchange, String... names) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : names) {
            String value = exchange.parameter(name);
            typed.put(name, value == null ? "" : value);
        }
        return typed;
    }

    private static void notFound(Exchange exchange) throws IOException {
        exchange.error(404, "not_found", "Not found", "There is no such agreement or repository.",
                new Link("/admin/", "Back to the admin page"));
    }

    private static Actor actor(Exchange exchange) {
        SignedInUser user = exchange.user();
        return Actor.user(user.id(), user.login());
    }

    private static ClaPages.Nav nav(Exchange exchange) {
        SignedInUser user = exchange.user();
        return new ClaPages.Nav(exchange.root(), user.login(), user.admin(), user.csrfToken());
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
