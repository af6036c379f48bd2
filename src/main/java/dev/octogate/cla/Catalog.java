package dev.octogate.cla;

import dev.octogate.store.Agreement;
import dev.octogate.store.AgreementStore;
import dev.octogate.store.AgreementVersion;
import dev.octogate.store.Signature;
import dev.octogate.store.SignatureStore;
import dev.octogate.store.StoreUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The published agreements, for the pages that show them. Published versions never change, so
 * they are read from the database at most every {@link #FRESHNESS} (and at once after a change on
 * this node): the public pages cost no query. Signing never relies on this: it reads the database.
 */
public final class Catalog {

    /** How old what the pages show may be when another node published: a publication shows within it. */
    public static final Duration FRESHNESS = Duration.ofSeconds(2);

    /** One agreement with its versions, oldest first, and the last material version. */
    public record Entry(Agreement agreement, List<AgreementVersion> versions, int lastMaterial) {
        public Entry {
            versions = List.copyOf(versions);
        }

        public boolean published() {
            return !versions.isEmpty();
        }

        public AgreementVersion current() {
            return versions.get(versions.size() - 1);
        }

        public Optional<AgreementVersion> version(int number) {
            return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
        }
    }

    /** A user's signature, and whether it covers its agreement as it stands. */
    public record Signed(Signature signature, boolean coversCurrent) {
    }

    /** What the user's start page lists. */
    public record Dashboard(List<Signed> signatures, List<Entry> wanting) {
    }

    private record Snapshot(Map<String, Entry> bySlug, long loadedAt) {
    }

    private final AgreementStore agreements;
    private final SignatureStore signatures;
    private final LongSupplier nanoTime;
    private volatile Snapshot snapshot;

    public Catalog(AgreementStore agreements, SignatureStore signatures, LongSupplier nanoTime) {
        this.agreements = agreements;
        this.signatures = signatures;
        this.nanoTime = nanoTime;
    }

    /** Every agreement with a published version, by slug. */
    public List<Entry> published() {
        return snapshot().bySlug().values().stream().filter(Entry::published).toList();
    }

    /** The agreement of this slug, published or not. */
    public Optional<Entry> entry(String slug) {
        return Optional.ofNullable(snapshot().bySlug().get(slug));
    }

    /**
     * A version of an agreement; when this node has not seen it yet (published on another node
     * within {@link #FRESHNESS}), read afresh.
     */
    public Optional<AgreementVersion> version(String slug, int number) {
        Optional<AgreementVersion> known = entry(slug).flatMap(e -> e.version(number));
        if (known.isPresent()) {
            return known;
        }
        changed();
        return entry(slug).flatMap(e -> e.version(number));
    }

    /** The user's signatures, newest first, and the published agreements that do not cover them yet. */
    public Dashboard dashboard(long userId) {
        Map<String, Entry> all = snapshot().bySlug();
        List<Signed> signed = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (Signature signature : signatures.byUser(userId)) {
            Entry entry = all.get(signature.agreementSlug());
            boolean covers = entry != null && Coverage.covers(signature, entry.lastMaterial());
            signed.add(new Signed(signature, covers));
            if (covers) {
                covered.add(signature.agreementSlug());
            }
        }
        List<Entry> wanting = all.values().stream().filter(Entry::published)
                .filter(e -> !covered.contains(e.agreement().slug())).toList();
        return new Dashboard(signed, wanting);
    }

    /**
     * The agreement as this node last read it, however old: for pages shown while the database
     * is down (published versions never change, so an old copy is still true).
     */
    public Optional<Entry> lastKnown(String slug) {
        Snapshot known = snapshot;
        return known != null ? Optional.ofNullable(known.bySlug().get(slug)) : entry(slug);
    }

    /** After a change on this node: the next read goes to the database. */
    public void changed() {
        Snapshot known = snapshot;
        if (known != null) {
            snapshot = new Snapshot(known.bySlug(), known.loadedAt() - FRESHNESS.toNanos() - 1); // stale, still known
        }
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        long now = nanoTime.getAsLong();
        if (current != null && now - current.loadedAt() < FRESHNESS.toNanos()) {
            return current;
        }
        Map<String, Entry> bySlug = new LinkedHashMap<>();
        Map<Long, List<AgreementVersion>> versions = new LinkedHashMap<>();
        List<AgreementVersion> all;
        List<Agreement> agreementList;
        try {
            all = agreements.allVersions();
            agreementList = agreements.all();
        } catch (StoreUnavailable e) {
            if (current == null) {
                throw e;
            }
            return current; // the database is down: what was published is still true
        }
        for (AgreementVersion version : all) {
            versions.computeIfAbsent(version.agreementId(), id -> new ArrayList<>()).add(version);
        }
        for (Agreement agreement : agreementList) {
            List<AgreementVersion> its = versions.getOrDefault(agreement.id(), List.of());
            bySlug.put(agreement.slug(), new Entry(agreement, its, Coverage.lastMaterial(its)));
        }
        Snapshot loaded = new Snapshot(Collections.unmodifiableMap(bySlug), now);
        snapshot = loaded;
        return loaded;
    }
}
