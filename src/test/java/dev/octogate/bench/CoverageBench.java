package dev.octogate.bench;

import dev.octogate.store.Database;
import dev.octogate.store.DatabaseSettings;
import dev.octogate.store.PostgresSignatureStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * "Is this user covered", for a batch of 100 user ids, with 1,000,000 signatures in the table: the
 * look-up a pull request's check makes for all its contributors at once. Runs on a PostgreSQL of
 * its own (zonky's embedded one), with Octogate's schema, and prints the time of the store's call
 * and the query plan PostgreSQL chose:
 *
 * <pre>
 * COVERED rows=1000000 batch=100 lookups=2000 p50_ms=… p99_ms=… mean_ms=… found_mean=…
 * PLAN …
 * </pre>
 */
public final class CoverageBench {

    static final int SIGNATURES = Integer.getInteger("bench.signatures", 1_000_000);
    static final int BATCH = 100;
    static final int LOOKUPS = 2000;

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Database database = Database.open(new DatabaseSettings(postgres.getJdbcUrl("postgres", "postgres"),
                     Optional.empty(), Optional.empty(), 4))) {
            long agreement = fill(database);
            PostgresSignatureStore store = new PostgresSignatureStore(database);
            Random random = new Random(42);
            // Versions 1 and 2 material, 3 editorial: signatures of 2 and 3 cover.
            int from = 2;
            for (int i = 0; i < 300; i++) {
                store.covered(agreement, from, batch(random));
            }
            long[] nanos = new long[LOOKUPS];
            long found = 0;
            for (int i = 0; i < LOOKUPS; i++) {
                List<Long> ids = batch(random);
                long start = System.nanoTime();
                Set<Long> covered = store.covered(agreement, from, ids);
                nanos[i] = System.nanoTime() - start;
                found += covered.size();
            }
            Arrays.sort(nanos);
            double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
            System.out.printf("COVERED rows=%d batch=%d lookups=%d p50_ms=%.3f p99_ms=%.3f mean_ms=%.3f found_mean=%.1f%n",
                    SIGNATURES, BATCH, LOOKUPS, nanos[LOOKUPS / 2] / 1e6, nanos[(int) (LOOKUPS * 0.99)] / 1e6, mean,
                    (double) found / LOOKUPS);
            List<Long> ids = batch(random);
            List<String> plan = database.withHandle(h -> h.createQuery("EXPLAIN (ANALYZE, BUFFERS) "
                            + PostgresSignatureStore.COVERED).bind("agreement", agreement).bind("from", from)
                    .bindArray("users", Long.class, ids).mapTo(String.class).list());
            plan.forEach(line -> System.out.println("PLAN " + line));
        }
    }

    /** 100 user ids, about half of them signers (ids up to twice the number of signatures). */
    static List<Long> batch(Random random) {
        List<Long> ids = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            ids.add(1 + (long) random.nextInt(SIGNATURES * 2));
        }
        return ids;
    }

    /**
     * One agreement with three versions and {@link #SIGNATURES} signatures of one user each,
     * spread over the versions, one in ten revoked. Returns the agreement's id.
     */
    static long fill(Database database) {
        return database.withHandle(h -> {
            long[] agreements = new long[1];
            for (int a = 0; a < agreements.length; a++) {
                agreements[a] = h.createQuery("INSERT INTO agreements (slug, title, created_at) VALUES (:slug, :title, now()) "
                        + "RETURNING id").bind("slug", "bench-" + a).bind("title", "Bench " + a).mapTo(Long.class).one();
                String[] kinds = {"material", "material", "editorial"};
                for (int v = 1; v <= 3; v++) {
                    h.createUpdate("INSERT INTO agreement_versions (agreement_id, number, change_kind, changelog, text, html, "
                                    + "sha256, published_at) VALUES (:a, :n, :kind, 'bench', 'text', '<p>text</p>', "
                                    + "repeat('a', 64), now())")
                            .bind("a", agreements[a]).bind("n", v).bind("kind", kinds[v - 1]).execute();
                }
                h.createUpdate("INSERT INTO signatures (id, agreement_id, version, user_id, login, sha256, fields, signed_at, "
                                + "revoked_at) SELECT md5(:a || '-' || g), :a, 1 + g % 3, g, 'user-' || g, repeat('a', 64), "
                                + "'{\"name\": \"A Signer\", \"email\": \"signer@example.org\"}', "
                                + "now() - g * interval '1 second', CASE WHEN g % 10 = 0 THEN now() END "
                                + "FROM generate_series(1, :n) AS g")
                        .bind("a", agreements[a]).bind("n", SIGNATURES).execute();
            }
            h.execute("VACUUM ANALYZE signatures");
            return agreements[0];
        });
    }
}
