package dev.octogate.web.admin;

import dev.octogate.admin.Administration;
import dev.octogate.cla.AuditCheck;
import dev.octogate.store.AuditEntry;
import dev.octogate.store.Signature;
import dev.octogate.web.cla.ClaPages;
import dev.octogate.web.http.Page;
import java.util.List;
import java.util.Map;

/** What the admin pages show: one record per page. */
public final class AdminPages {

    private AdminPages() {
    }

    /**
     * {@code GET /admin/}: agreements with their signature counts, the repositories, the forms.
     *
     * @param typed    what a refused form sent, by field, to show again
     * @param problems a refused form's problems, by field
     */
    public record Overview(ClaPages.Nav nav, Administration.Overview overview, Map<String, String> typed,
                           Map<String, String> problems) implements Page {
        public String value(String field) {
            return typed.getOrDefault(field, "");
        }

        @Override
        public String template() {
            return "admin/overview.jte";
        }
    }

    /**
     * {@code GET /admin/agreements/{slug}}: versions, the publishing form, signatures paged.
     *
     * @param search the login prefix searched for, or ""
     */
    public record Agreement(ClaPages.Nav nav, Administration.History history, List<Signature> signatures,
                            long total, int page, int pages, String search) implements Page {
        /** The search as a query parameter's value. */
        public String searchParameter() {
            return java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String template() {
            return "admin/agreement.jte";
        }
    }

    /** {@code POST /admin/agreements/{slug}/versions} with {@code action=preview}, or a refused publication. */
    public record Preview(ClaPages.Nav nav, Administration.Preview preview) implements Page {
        @Override
        public String template() {
            return "admin/preview.jte";
        }
    }

    /** {@code GET /admin/audit}: the newest entries, and whether the whole chain holds. */
    public record Audit(ClaPages.Nav nav, List<AuditEntry> entries, AuditCheck.Result check) implements Page {
        @Override
        public String template() {
            return "admin/audit.jte";
        }
    }
}
