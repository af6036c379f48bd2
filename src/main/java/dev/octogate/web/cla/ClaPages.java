package dev.octogate.web.cla;

import dev.octogate.cla.Catalog;
import dev.octogate.signin.SignedInUser;
import dev.octogate.store.AgreementVersion;
import dev.octogate.store.Signature;
import dev.octogate.web.http.Page;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the CLA site's pages show: one record per page (each its template's one parameter). */
public final class ClaPages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ClaPages() {
    }

    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * The site's header: where to go, and who is signed in (null: nobody).
     *
     * @param csrf the signed-in session's anti-CSRF token, for the sign-out button
     */
    public record Nav(String root, String login, boolean admin, String csrf) {
        static Nav of(String root, SignedInUser user) {
            return user == null ? new Nav(root, null, false, null)
                    : new Nav(root, user.login(), user.admin(), user.csrfToken());
        }
    }

    /** {@code GET /}: the greeting, the user's signatures, and what still wants their signature. */
    public record Home(Nav nav, String name, String avatarUrl, String profileUrl, List<Catalog.Signed> signatures,
                       List<Catalog.Entry> wanting) implements Page {
        @Override
        public String template() {
            return "cla/home.jte";
        }
    }

    /** {@code GET /agreements}. */
    public record Agreements(Nav nav, List<Catalog.Entry> agreements) implements Page {
        @Override
        public String template() {
            return "cla/agreements.jte";
        }
    }

    /**
     * {@code GET /agreements/{slug}} and {@code /versions/{n}}: a version's text and details, the
     * history, and for a covered user their receipt.
     *
     * @param covering the signed-in user's covering signature, or null
     */
    public record Agreement(Nav nav, Catalog.Entry entry, AgreementVersion shown, Signature covering)
            implements Page {
        public boolean isCurrent() {
            return shown.number() == entry.current().number();
        }

        @Override
        public String template() {
            return "cla/agreement.jte";
        }
    }

    /** One field of the signing form, as typed, and its problem (null: none). */
    public record Field(String name, String label, String type, String value, String problem) {
    }

    /**
     * {@code GET} and {@code POST /agreements/{slug}/sign}: the form, or the receipt link of a
     * covered user ({@code covering} not null).
     *
     * @param emails the user's verified emails, to pick from (empty: typed)
     * @param notice what the page says first (a new version, the database down), or null
     */
    public record Sign(Nav nav, Catalog.Entry entry, AgreementVersion current, List<Field> fields,
                       boolean agreed, String agreeProblem, List<String> emails, String notice,
                       Signature covering) implements Page {
        @Override
        public String template() {
            return "cla/sign.jte";
        }
    }

    /** {@code GET /signatures/{id}}: the receipt. */
    public record Receipt(Nav nav, Signature signature, AgreementVersion version, boolean revocable)
            implements Page {
        @Override
        public String template() {
            return "cla/receipt.jte";
        }
    }
}
