package dev.octogate.cla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.signin.MutableClock;
import dev.octogate.store.Actor;
import dev.octogate.store.AuditEntry;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log's chain holds while nothing is altered, and says where it breaks when something is. */
class AuditCheckTest {

    MemoryStores stores;

    @BeforeEach
    void setUp() {
        stores = new MemoryStores(MutableClock.startingAt2024());
        Actor admin = Actor.user(1, "octocat");
        for (String slug : List.of("a", "b", "c", "d")) {
            stores.create(slug, "Agreement " + slug, List.of(), false, admin);
        }
    }

    @Test
    void anUntouchedChainHolds() {
        AuditCheck.Result result = AuditCheck.of(stores);
        assertTrue(result.intact());
        assertEquals(4, result.entries());
        assertEquals(AuditEntry.GENESIS, stores.auditEntries().get(0).previousHash());
    }

    @Test
    void anAlteredEntryIsFound() {
        AuditEntry second = stores.auditEntries().get(1);
        stores.tamper(1, new AuditEntry(second.id(), second.at(), second.actor(), second.action(), "z", second.detail(),
                second.previousHash(), second.hash()));
        AuditCheck.Result result = AuditCheck.of(stores);
        assertFalse(result.intact());
        assertEquals(2, result.brokenAt());
        assertTrue(result.why().contains("altered"), result.why());
    }

    @Test
    void anAlteredEntryWithARecomputedHashBreaksTheNextOne() {
        AuditEntry second = stores.auditEntries().get(1);
        String hash = AuditEntry.hash(second.previousHash(), second.at(), second.actor(), second.action(), "z",
                second.detail());
        stores.tamper(1, new AuditEntry(second.id(), second.at(), second.actor(), second.action(), "z", second.detail(),
                second.previousHash(), hash));
        assertEquals(3, AuditCheck.of(stores).brokenAt());
    }

    @Test
    void aRemovedEntryIsFound() {
        stores.removeAudit(1);
        AuditCheck.Result result = AuditCheck.of(stores);
        assertEquals(3, result.brokenAt());
        assertTrue(result.why().contains("removed"), result.why());
    }

    @Test
    void theHashCoversEveryField() {
        AuditEntry e = stores.auditEntries().get(0);
        String hash = e.hash();
        assertFalse(hash.equals(AuditEntry.hash(e.previousHash(), e.at().plusNanos(1000), e.actor(), e.action(),
                e.subject(), e.detail())));
        assertFalse(hash.equals(AuditEntry.hash(e.previousHash(), e.at(), Actor.user(2, "octocat"), e.action(),
                e.subject(), e.detail())));
        assertFalse(hash.equals(AuditEntry.hash(e.previousHash(), e.at(), e.actor(), e.action() + "x", e.subject(),
                e.detail())));
        assertFalse(AuditEntry.hash(AuditEntry.GENESIS, e.at(), e.actor(), "ab", "c", "")
                .equals(AuditEntry.hash(AuditEntry.GENESIS, e.at(), e.actor(), "a", "bc", "")), "fields cannot run together");
    }
}
