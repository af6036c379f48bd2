package dev.octogate.admin;

import dev.octogate.cla.Coverage;
import dev.octogate.cla.Fields;
import dev.octogate.cla.LineDiff;
import dev.octogate.cla.Markdown;
import dev.octogate.cla.TextHash;
import dev.octogate.store.Actor;
import dev.octogate.store.Agreement;
import dev.octogate.store.AgreementStore;
import dev.octogate.store.AgreementVersion;
import dev.octogate.store.ChangeKind;
import dev.octogate.store.RepositoryMapping;
import dev.octogate.store.RepositoryStore;
import dev.octogate.store.SignatureStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What admins do: create agreements, publish versions (after a preview with a line diff against
 * the current one), and say which agreement each repository's pull requests need. Each change is
 * audited by the store, in its transaction.
 */
public final class Administration {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38})/(?:[a-z0-9_.-]{1,100}|\\*)");
    /** Longest agreement text accepted: agreements are pages, not books. */
    static final int MAX_TEXT = 200_000;

    private final AgreementStore agreements;
    private final SignatureStore signatures;
    private final RepositoryStore repositories;
    private final Markdown markdown;
    private final Clock clock;

    public Administration(AgreementStore agreements, SignatureStore signatures, RepositoryStore repositories,
                          Markdown markdown, Clock clock) {
        this.agreements = agreements;
        this.signatures = signatures;
        this.repositories = repositories;
        this.markdown = markdown;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the overview

    /** One agreement on the admin page: its current version (if any) and its standing signatures. */
    public record AgreementSummary(Agreement agreement, Optional<AgreementVersion> current, long signatures) {
    }

    public record Overview(List<AgreementSummary> agreements, List<RepositoryMapping> repositories) {
    }

    public Overview overview() {
        Map<Long, AgreementVersion> current = agreements.currentVersions();
        Map<Long, Long> counts = signatures.standingCounts();
        List<AgreementSummary> summaries = new ArrayList<>();
        for (Agreement agreement : agreements.all()) {
            summaries.add(new AgreementSummary(agreement, Optional.ofNullable(current.get(agreement.id())),
                    counts.getOrDefault(agreement.id(), 0L)));
        }
        return new Overview(summaries, repositories.mappings());
    }

    // ---------------------------------------------------------------- agreements

    public sealed interface Creation {
        record Created(Agreement agreement) implements Creation {
        }

        /** Problems by field name ({@code slug}, {@code title}, {@code fields}). */
        record Invalid(Map<String, String> problems) implements Creation {
        }
    }

    /**
     * @param fieldLabels the extra fields' labels, comma separated (may be empty)
     */
    public Creation createAgreement(String slug, String title, String fieldLabels, Actor actor) {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanSlug = slug == null ? "" : slug.trim();
        if (!SLUG.matcher(cleanSlug).matches()) {
            problems.put("slug", "Lower-case letters, digits and hyphens, starting with a letter or digit, at most 40.");
        }
        String titleProblem = Fields.problem(title);
        if (titleProblem != null) {
            problems.put("title", titleProblem);
        }
        List<Agreement.ExtraField> fields = new ArrayList<>();
        for (String raw : (fieldLabels == null ? "" : fieldLabels).split(",")) {
            String label = raw.trim();
            if (label.isEmpty()) {
                continue;
            }
            String name = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            if (Fields.problem(label) != null || name.isEmpty() || name.equals("name") || name.equals("email")
                    || name.equals("agree") || name.equals("version") || name.equals("csrf")
                    || fields.stream().anyMatch(f -> f.name().equals(name))) {
                problems.put("fields", "“" + label + "” cannot be a field: each needs letters or digits, once.");
                break;
            }
            fields.add(new Agreement.ExtraField(name, label));
        }
        if (!problems.isEmpty()) {
            return new Creation.Invalid(problems);
        }
        Optional<Agreement> created = agreements.create(cleanSlug, title.trim(), fields, false, actor);
        return created.<Creation>map(Creation.Created::new)
                .orElseGet(() -> new Creation.Invalid(Map.of("slug", "An agreement with this slug exists already.")));
    }

    // ---------------------------------------------------------------- versions

    /** A version as an admin writes it, before it is published. */
    public record Draft(String text, String change, String changelog) {
    }

    /**
     * What publishing the draft would make: version {@code number}, its rendering, the line diff
     * against the current version, and the draft's problems (none: it can be published).
     */
    public record Preview(Agreement agreement, Optional<AgreementVersion> current, int number, String html,
                          List<LineDiff.Line> diff, Map<String, String> problems, Draft draft) {
    }

    public sealed interface Publication {
        record Published(AgreementVersion version) implements Publication {
        }

        /** The draft has problems (in the preview), or someone published first (the preview says so). */
        record Refused(Preview preview) implements Publication {
        }
    }

    public Optional<Preview> preview(String slug, Draft draft) {
        Optional<Agreement> agreement = agreements.bySlug(slug);
        if (agreement.isEmpty()) {
            return Optional.empty();
        }
        List<AgreementVersion> versions = agreements.versions(agreement.get().id());
        Optional<AgreementVersion> current = versions.isEmpty() ? Optional.empty()
                : Optional.of(versions.get(versions.size() - 1));
        String text = TextHash.normalize(draft.text() == null ? "" : draft.text());
        Map<String, String> problems = new LinkedHashMap<>();
        if (text.isBlank()) {
            problems.put("text", "The text is empty.");
        } else if (text.length() > MAX_TEXT) {
            problems.put("text", "At most " + MAX_TEXT + " characters, please.");
        } else if (current.isPresent() && current.get().text().equals(text)) {
            problems.put("text", "This is the current version's text, unchanged.");
        }
        String change = draft.change() == null ? "" : draft.change().trim();
        if (!change.equals("material") && !change.equals("editorial")) {
            problems.put("change", "Say whether the change is material or editorial.");
        } else if (current.isEmpty() && change.equals("editorial")) {
            problems.put("change", "The first version is material: there is nothing before it to correct.");
        }
        String changelogProblem = Fields.problem(draft.changelog());
        if (changelogProblem != null) {
            problems.put("changelog", changelogProblem);
        }
        return Optional.of(new Preview(agreement.get(), current, versions.size() + 1, markdown.render(text),
                LineDiff.between(current.map(AgreementVersion::text).orElse(""), text), problems,
                new Draft(text, change, draft.changelog() == null ? "" : draft.changelog().trim())));
    }

    /**
     * Publishes the draft as version {@code number}, which the admin previewed ({@code 0}: as the
     * next version, whatever its number); refused when the draft has problems, or when another
     * version was published since the preview.
     */
    public Optional<Publication> publish(String slug, Draft draft, int number, Actor actor) {
        Optional<Preview> preview = preview(slug, draft);
        if (preview.isEmpty()) {
            return Optional.empty();
        }
        Preview checked = preview.get();
        if (!checked.problems().isEmpty()) {
            return Optional.of(new Publication.Refused(checked));
        }
        if (number != 0 && checked.number() != number) {
            return Optional.of(new Publication.Refused(conflict(checked)));
        }
        String text = checked.draft().text();
        AgreementVersion version = new AgreementVersion(checked.agreement().id(), checked.number(),
                ChangeKind.of(checked.draft().change()), checked.draft().changelog(), text, checked.html(),
                TextHash.of(text), clock.instant());
        return Optional.of(agreements.publish(version, actor).<Publication>map(Publication.Published::new)
                .orElseGet(() -> new Publication.Refused(conflict(preview(slug, draft).orElse(checked)))));
    }

    private static Preview conflict(Preview preview) {
        Map<String, String> problems = new LinkedHashMap<>(preview.problems());
        problems.put("number", "Another version was published since this preview: here is the diff against it.");
        return new Preview(preview.agreement(), preview.current(), preview.number(), preview.html(), preview.diff(),
                problems, preview.draft());
    }

    /** The agreement's versions, and the last material one (what signatures must reach to cover it). */
    public record History(Agreement agreement, List<AgreementVersion> versions, int lastMaterial) {
    }

    public Optional<History> history(String slug) {
        return agreements.bySlug(slug).map(a -> {
            List<AgreementVersion> versions = agreements.versions(a.id());
            return new History(a, versions, Coverage.lastMaterial(versions));
        });
    }

    // ---------------------------------------------------------------- repositories

    /** Null when mapped, else why not. */
    public String mapRepository(String repository, String agreementSlug, Actor actor) {
        String pattern = repository == null ? "" : repository.trim().toLowerCase(Locale.ROOT);
        if (!REPOSITORY.matcher(pattern).matches()) {
            return "A repository is owner/name, or owner/* for every repository of an owner.";
        }
        Optional<Agreement> agreement = agreements.bySlug(agreementSlug == null ? "" : agreementSlug.trim());
        if (agreement.isEmpty()) {
            return "There is no agreement “" + agreementSlug + "”.";
        }
        repositories.map(pattern, agreement.get().id(), actor);
        return null;
    }

    public boolean unmapRepository(String repository, Actor actor) {
        return repository != null && repositories.unmap(repository.trim().toLowerCase(Locale.ROOT), actor);
    }
}
