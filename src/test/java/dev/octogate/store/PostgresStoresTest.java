package dev.octogate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.cla.AuditCheck;
import dev.octogate.cla.TextHash;
import dev.octogate.config.SettingsException;
import dev.octogate.signin.MutableClock;
import dev.octogate.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stores on a real PostgreSQL (a database of its own per test), schema from the migrations. */
class PostgresStoresTest {

    static final Actor ADMIN = Actor.user(1, "octocat");

    MutableClock clock;
    Database database;
    PostgresAgreementStore agreements;
    PostgresSignatureStore signatures;
    PostgresRepositoryStore repositories;
    PostgresAuditLog audit;
    String url;

    @BeforeEach
    void setUp() {
        clock = MutableClock.startingAt2024();
        url = TestDatabase.newDatabase();
        database = Database.open(new DatabaseSettings(url, Optional.empty(), Optional.empty(), 4));
        agreements = new PostgresAgreementStore(database, clock);
        signatures = new PostgresSignatureStore(database);
        repositories = new PostgresRepositoryStore(database, clock);
        audit = new PostgresAuditLog(database);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    Agreement agreement(String slug) {
        return agreements.create(slug, "Agreement " + slug, List.of(new Agreement.ExtraField("company", "Company")),
                false, ADMIN).orElseThrow();
    }

    AgreementVersion publish(Agreement a, int number, ChangeKind change, String text) {
        return agreements.publish(new AgreementVersion(a.id(), number, change, "v" + number, text, "<p>" + text + "</p>",
                TextHash.of(text), clock.instant()), ADMIN).orElseThrow();
    }

    SignatureStore.NewSignature signature(String id, Agreement a, int version, long userId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "User " + userId);
        fields.put("email", "u" + userId + "@example.org");
        fields.put("company", "Octo");
        return new SignatureStore.NewSignature(id, a.id(), version, userId, "user" + userId, "x".repeat(64).replace('x', 'a'),
                fields, clock.instant());
    }

    @Test
    void agreementsAndVersionsRoundTrip() {
        Agreement a = agreement("individual");
        assertEquals(Optional.of(a), agreements.bySlug("individual"));
        assertTrue(agreements.create("individual", "Again", List.of(), false, ADMIN).isEmpty(), "the slug is taken");
        AgreementVersion v1 = publish(a, 1, ChangeKind.MATERIAL, "One ✓");
        clock.advance(Duration.ofDays(1));
        AgreementVersion v2 = publish(a, 2, ChangeKind.EDITORIAL, "One, corrected");
        assertEquals(List.of(v1, v2), agreements.versions(a.id()));
        assertEquals(v2, agreements.currentVersions().get(a.id()));
        assertEquals(List.of(v1, v2), agreements.allVersions());
        assertEquals(List.of(new Agreement.ExtraField("company", "Company")), agreements.bySlug("individual").orElseThrow().fields());
    }

    @Test
    void aVersionNumberIsPublishedOnceEvenWhenTwoAdminsPublishAtOnce() throws Exception {
        Agreement a = agreement("individual");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<AgreementVersion>>> tries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String text = "Text " + i;
                tries.add(pool.submit(() -> agreements.publish(new AgreementVersion(a.id(), 1, ChangeKind.MATERIAL, "x",
                        text, text, TextHash.of(text), clock.instant()), ADMIN)));
            }
            long published = 0;
            for (Future<Optional<AgreementVersion>> t : tries) {
                published += t.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, published);
            assertEquals(1, agreements.versions(a.id()).size());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theFirstVersionMustBeMaterialInTheSchemaToo() {
        Agreement a = agreement("individual");
        assertThrows(RuntimeException.class, () -> agreements.publish(new AgreementVersion(a.id(), 1, ChangeKind.EDITORIAL,
                "x", "t", "t", TextHash.of("t"), clock.instant()), ADMIN));
    }

    @Test
    void signaturesRoundTripInTheFormsOrder() {
        Agreement a = agreement("individual");
        publish(a, 1, ChangeKind.MATERIAL, "One");
        Signature s = signatures.sign(signature("aaaaaaaaaaaaaaaaaaaaaa", a, 1, 7), Actor.user(7, "user7"));
        assertEquals(List.of("name", "email", "company"), List.copyOf(s.fields().keySet()));
        assertEquals("individual", s.agreementSlug());
        assertEquals(Optional.of(s), signatures.byId(s.id()));
        assertEquals(List.of(s), signatures.byUser(7));
        assertEquals(clock.instant(), s.signedAt());
    }

    @Test
    void aSecondSubmitStoresNothingTwice() {
        Agreement a = agreement("individual");
        publish(a, 1, ChangeKind.MATERIAL, "One");
        Signature first = signatures.sign(signature("aaaaaaaaaaaaaaaaaaaaaa", a, 1, 7), Actor.user(7, "user7"));
        Signature second = signatures.sign(signature("bbbbbbbbbbbbbbbbbbbbbb", a, 1, 7), Actor.user(7, "user7"));
        assertEquals(first.id(), second.id());
        assertEquals(1, signatures.byUser(7).size());
    }

    @Test
    void coverageLookUpsFindStandingSignaturesFromTheLastMaterialVersion() {
        Agreement a = agreement("individual");
        publish(a, 1, ChangeKind.MATERIAL, "One");
        publish(a, 2, ChangeKind.MATERIAL, "Two");
        publish(a, 3, ChangeKind.EDITORIAL, "Two, corrected");
        signatures.sign(signature("s1aaaaaaaaaaaaaaaaaaaa", a, 1, 1), ADMIN);
        signatures.sign(signature("s2aaaaaaaaaaaaaaaaaaaa", a, 2, 2), ADMIN);
        signatures.sign(signature("s3aaaaaaaaaaaaaaaaaaaa", a, 3, 3), ADMIN);
        signatures.sign(signature("s4aaaaaaaaaaaaaaaaaaaa", a, 2, 4), ADMIN);
        assertTrue(signatures.revoke("s4aaaaaaaaaaaaaaaaaaaa", 4, clock.instant(), Actor.user(4, "user4")));
        assertEquals(Set.of(2L, 3L), signatures.covered(a.id(), 2, List.of(1L, 2L, 3L, 4L, 5L)));
        assertEquals(Set.of(), signatures.covered(a.id(), 2, List.of()));
        assertTrue(signatures.standing(a.id(), 1, 2).isEmpty());
        assertEquals("s3aaaaaaaaaaaaaaaaaaaa", signatures.standing(a.id(), 3, 2).orElseThrow().id());
        assertEquals(Map.of(a.id(), 3L), signatures.standingCounts());
    }

    @Test
    void revokingIsForTheSignerAndOnce() {
        Agreement a = agreement("individual");
        publish(a, 1, ChangeKind.MATERIAL, "One");
        signatures.sign(signature("aaaaaaaaaaaaaaaaaaaaaa", a, 1, 7), ADMIN);
        assertFalse(signatures.revoke("aaaaaaaaaaaaaaaaaaaaaa", 8, clock.instant(), ADMIN), "another user's");
        assertTrue(signatures.revoke("aaaaaaaaaaaaaaaaaaaaaa", 7, clock.instant(), ADMIN));
        assertFalse(signatures.revoke("aaaaaaaaaaaaaaaaaaaaaa", 7, clock.instant(), ADMIN), "once");
        assertEquals(clock.instant(), signatures.byId("aaaaaaaaaaaaaaaaaaaaaa").orElseThrow().revokedAt());
    }

    @Test
    void signaturesArePagedAndSearchedByLogin() {
        Agreement a = agreement("individual");
        publish(a, 1, ChangeKind.MATERIAL, "One");
        for (int user = 1; user <= 25; user++) {
            clock.advance(Duration.ofSeconds(1));
            signatures.sign(signature(String.format("id%020d", user), a, 1, user), ADMIN);
        }
        SignatureStore.Page first = signatures.page(a.id(), "", 0, 10);
        assertEquals(25, first.total());
        assertEquals(10, first.signatures().size());
        assertEquals("user25", first.signatures().get(0).login(), "newest first");
        assertEquals(5, signatures.page(a.id(), "", 20, 10).signatures().size());
        assertEquals(11, signatures.page(a.id(), "USER1", 0, 50).total(), "user1, user10 to user19: case-insensitive");
        assertEquals(0, signatures.page(a.id(), "%", 0, 50).total(), "no pattern characters");
    }

    @Test
    void anExportStreamsEverySignatureOldestFirst() {
        Agreement a = agreement("individual");
        publish(a, 1, ChangeKind.MATERIAL, "One");
        for (int user = 1; user <= 1200; user++) {
            signatures.sign(signature(String.format("id%020d", user), a, 1, user), ADMIN);
        }
        List<Long> users = new ArrayList<>();
        signatures.export(a.id(), s -> users.add(s.userId()));
        assertEquals(1200, users.size());
        assertEquals(1L, users.get(0));
    }

    @Test
    void repositoriesAreMappedReplacedAndUnmapped() {
        Agreement a = agreement("individual");
        Agreement b = agreement("corporate");
        repositories.map("octo/*", a.id(), ADMIN);
        repositories.map("octo/*", b.id(), ADMIN);
        assertEquals(List.of("corporate"), repositories.mappings().stream().map(RepositoryMapping::agreementSlug).toList());
        assertTrue(repositories.unmap("octo/*", ADMIN));
        assertFalse(repositories.unmap("octo/*", ADMIN));
    }

    @Test
    void everyChangeIsAuditedInAChainThatHoldsUntilARowIsAltered() {
        Agreement a = agreement("individual");
        publish(a, 1, ChangeKind.MATERIAL, "One");
        signatures.sign(signature("aaaaaaaaaaaaaaaaaaaaaa", a, 1, 7), Actor.user(7, "user7"));
        signatures.revoke("aaaaaaaaaaaaaaaaaaaaaa", 7, clock.instant(), Actor.user(7, "user7"));
        repositories.map("octo/*", a.id(), ADMIN);
        repositories.unmap("octo/*", ADMIN);
        List<String> actions = audit.newest(10).stream().map(AuditEntry::action).toList();
        assertEquals(List.of("repository unmapped", "repository mapped", "signature revoked", "signature stored",
                "version published", "agreement created"), actions);
        assertTrue(AuditCheck.of(audit).intact());
        assertEquals(6, AuditCheck.of(audit).entries());

        database.useHandle(h -> h.execute("UPDATE audit_log SET subject = 'someone else' WHERE action = 'signature stored'"));
        AuditCheck.Result broken = AuditCheck.of(audit);
        assertFalse(broken.intact());
        assertEquals(audit.newest(10).stream().filter(e -> e.action().equals("signature stored")).findFirst()
                .orElseThrow().id(), broken.brokenAt());
    }

    @Test
    void concurrentChangesChainOneAfterAnother() throws Exception {
        Agreement a = agreement("individual");
        publish(a, 1, ChangeKind.MATERIAL, "One");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Signature>> signers = new ArrayList<>();
            for (int user = 1; user <= 40; user++) {
                int u = user;
                signers.add(() -> signatures.sign(signature(String.format("id%020d", u), a, 1, u), ADMIN));
            }
            for (Future<Signature> f : pool.invokeAll(signers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(AuditCheck.of(audit).intact(), "no fork in the chain");
        assertEquals(42, AuditCheck.of(audit).entries());
    }

    @Test
    void aSchemaNewerThanThisCodeIsRefusedAtStart() {
        database.useHandle(h -> h.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, "
                + "type, script, checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                + "'V99__future.sql', 0, 'test', 0, true)"));
        SettingsException e = assertThrows(SettingsException.class,
                () -> Database.open(new DatabaseSettings(url, Optional.empty(), Optional.empty(), 2)));
        assertTrue(e.getMessage().contains("newer") && e.getMessage().contains("DATABASE_URL"), e.getMessage());
    }

    @Test
    void anUnreachableDatabaseStopsTheStartNamingTheSetting() {
        SettingsException e = assertThrows(SettingsException.class, () -> Database.open(new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:1/octogate?password=hunter2", Optional.empty(), Optional.empty(), 2)));
        assertTrue(e.getMessage().contains("DATABASE_URL"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), "never a password: " + e.getMessage());
        assertNull(e.getCause());
        assertNotEquals(-1, e.getMessage().indexOf("127.0.0.1:1"));
    }

    @Test
    void theDatabaseGoneIsUnavailableNotAFailure() {
        database.close();
        assertThrows(StoreUnavailable.class, () -> agreements.all());
    }
}
