package dev.octogate.cla;

import dev.octogate.store.Actor;
import dev.octogate.store.Agreement;
import dev.octogate.store.AgreementStore;
import dev.octogate.store.AgreementVersion;
import dev.octogate.store.AuditEntry;
import dev.octogate.store.AuditLog;
import dev.octogate.store.RepositoryMapping;
import dev.octogate.store.RepositoryStore;
import dev.octogate.store.Signature;
import dev.octogate.store.SignatureStore;
import dev.octogate.store.StoreUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The stores in memory, for the core's unit tests: the same rules as the PostgreSQL ones (one
 * standing signature per user and version, versions numbered in turn, every change audited in a
 * chain), and a switch that makes them all fail as a database that does not answer.
 */
public final class MemoryStores implements AgreementStore, SignatureStore, RepositoryStore, AuditLog {

    private final Clock clock;
    private final Map<String, Agreement> agreements = new TreeMap<>();
    private final List<AgreementVersion> versions = new ArrayList<>();
    private final List<Signature> signatures = new ArrayList<>();
    private final Map<String, RepositoryMapping> repositories = new TreeMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private long nextId = 1;
    /** When set, every call fails as a database that does not answer. */
    public boolean down;

    public MemoryStores(Clock clock) {
        this.clock = clock;
    }

    private void reachable() {
        if (down) {
            throw new StoreUnavailable(new java.sql.SQLTransientConnectionException("down"));
        }
    }

    private void audit(Actor actor, String action, String subject, String detail) {
        Instant at = clock.instant();
        String previous = audit.isEmpty() ? AuditEntry.GENESIS : audit.get(audit.size() - 1).hash();
        audit.add(new AuditEntry(audit.size() + 1, at, actor, action, subject, detail, previous,
                AuditEntry.hash(previous, at, actor, action, subject, detail)));
    }

    /** Replaces an audit entry, as someone with write access to the table might. */
    public void tamper(int index, AuditEntry replacement) {
        audit.set(index, replacement);
    }

    public void removeAudit(int index) {
        audit.remove(index);
    }

    public List<AuditEntry> auditEntries() {
        return List.copyOf(audit);
    }

    // ---------------------------------------------------------------- agreements

    @Override
    public synchronized List<Agreement> all() {
        reachable();
        return List.copyOf(agreements.values());
    }

    @Override
    public synchronized Optional<Agreement> bySlug(String slug) {
        reachable();
        return Optional.ofNullable(agreements.get(slug));
    }

    @Override
    public synchronized Optional<Agreement> create(String slug, String title, List<Agreement.ExtraField> fields,
                                                   boolean sample, Actor actor) {
        reachable();
        if (agreements.containsKey(slug)) {
            return Optional.empty();
        }
        Agreement agreement = new Agreement(nextId++, slug, title, fields, sample, clock.instant());
        agreements.put(slug, agreement);
        audit(actor, "agreement created", slug, title);
        return Optional.of(agreement);
    }

    @Override
    public synchronized List<AgreementVersion> versions(long agreementId) {
        reachable();
        return versions.stream().filter(v -> v.agreementId() == agreementId)
                .sorted(Comparator.comparingInt(AgreementVersion::number)).toList();
    }

    @Override
    public synchronized List<AgreementVersion> allVersions() {
        reachable();
        return versions.stream().sorted(Comparator.comparingLong(AgreementVersion::agreementId)
                .thenComparingInt(AgreementVersion::number)).toList();
    }

    @Override
    public synchronized Map<Long, AgreementVersion> currentVersions() {
        reachable();
        Map<Long, AgreementVersion> current = new HashMap<>();
        for (AgreementVersion v : allVersions()) {
            current.put(v.agreementId(), v);
        }
        return current;
    }

    @Override
    public synchronized Optional<AgreementVersion> publish(AgreementVersion version, Actor actor) {
        reachable();
        if (versions(version.agreementId()).size() + 1 != version.number()) {
            return Optional.empty();
        }
        versions.add(version);
        String slug = agreements.values().stream().filter(a -> a.id() == version.agreementId()).findFirst()
                .orElseThrow().slug();
        audit(actor, "version published", slug + " v" + version.number(), version.changelog());
        return Optional.of(version);
    }

    // ---------------------------------------------------------------- signatures

    @Override
    public synchronized Optional<Signature> byId(String id) {
        reachable();
        return signatures.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<Signature> byUser(long userId) {
        reachable();
        return signatures.stream().filter(s -> s.userId() == userId)
                .sorted(Comparator.comparing(Signature::signedAt).reversed()).toList();
    }

    @Override
    public synchronized Optional<Signature> standing(long agreementId, long userId, int fromVersion) {
        reachable();
        return signatures.stream().filter(s -> s.agreementId() == agreementId && s.userId() == userId
                        && s.version() >= fromVersion && !s.revoked())
                .max(Comparator.comparingInt(Signature::version));
    }

    @Override
    public synchronized Set<Long> covered(long agreementId, int fromVersion, Collection<Long> userIds) {
        reachable();
        return signatures.stream().filter(s -> s.agreementId() == agreementId && userIds.contains(s.userId())
                && s.version() >= fromVersion && !s.revoked()).map(Signature::userId).collect(Collectors.toSet());
    }

    @Override
    public synchronized Signature sign(NewSignature s, Actor actor) {
        reachable();
        Optional<Signature> standing = signatures.stream().filter(x -> x.agreementId() == s.agreementId()
                && x.userId() == s.userId() && x.version() == s.version() && !x.revoked()).findFirst();
        if (standing.isPresent()) {
            return standing.get();
        }
        Agreement agreement = agreements.values().stream().filter(a -> a.id() == s.agreementId()).findFirst().orElseThrow();
        Signature stored = new Signature(s.id(), s.agreementId(), agreement.slug(), agreement.title(), s.version(),
                s.userId(), s.login(), s.sha256(), s.fields(), s.signedAt(), null);
        signatures.add(stored);
        audit(actor, "signature stored", agreement.slug() + " v" + s.version(), "signature " + s.id());
        return stored;
    }

    @Override
    public synchronized boolean revoke(String id, long userId, Instant at, Actor actor) {
        reachable();
        for (int i = 0; i < signatures.size(); i++) {
            Signature s = signatures.get(i);
            if (s.id().equals(id) && s.userId() == userId && !s.revoked()) {
                signatures.set(i, new Signature(s.id(), s.agreementId(), s.agreementSlug(), s.agreementTitle(),
                        s.version(), s.userId(), s.login(), s.sha256(), s.fields(), s.signedAt(), at));
                audit(actor, "signature revoked", s.agreementSlug() + " v" + s.version(), "signature " + id);
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized Page page(long agreementId, String loginPrefix, int offset, int limit) {
        reachable();
        List<Signature> matching = signatures.stream().filter(s -> s.agreementId() == agreementId
                        && s.login().toLowerCase().startsWith(loginPrefix == null ? "" : loginPrefix.toLowerCase()))
                .sorted(Comparator.comparing(Signature::signedAt).reversed()).toList();
        return new Page(matching.stream().skip(offset).limit(limit).toList(), matching.size());
    }

    @Override
    public synchronized Map<Long, Long> standingCounts() {
        reachable();
        return signatures.stream().filter(s -> !s.revoked())
                .collect(Collectors.groupingBy(Signature::agreementId, Collectors.counting()));
    }

    @Override
    public synchronized void export(long agreementId, Consumer<Signature> each) {
        reachable();
        signatures.stream().filter(s -> s.agreementId() == agreementId).forEach(each);
    }

    // ---------------------------------------------------------------- repositories

    @Override
    public synchronized List<RepositoryMapping> mappings() {
        reachable();
        return List.copyOf(repositories.values());
    }

    @Override
    public synchronized void map(String pattern, long agreementId, Actor actor) {
        reachable();
        String slug = agreements.values().stream().filter(a -> a.id() == agreementId).findFirst().orElseThrow().slug();
        repositories.put(pattern, new RepositoryMapping(pattern, slug, clock.instant()));
        audit(actor, "repository mapped", pattern, "to " + slug);
    }

    @Override
    public synchronized boolean unmap(String pattern, Actor actor) {
        reachable();
        boolean removed = repositories.remove(pattern) != null;
        if (removed) {
            audit(actor, "repository unmapped", pattern, "");
        }
        return removed;
    }

    // ---------------------------------------------------------------- audit

    @Override
    public synchronized List<AuditEntry> newest(int limit) {
        reachable();
        List<AuditEntry> newest = new ArrayList<>(audit);
        java.util.Collections.reverse(newest);
        return newest.stream().limit(limit).toList();
    }

    @Override
    public synchronized void each(Consumer<AuditEntry> entry) {
        reachable();
        audit.forEach(entry);
    }
}
