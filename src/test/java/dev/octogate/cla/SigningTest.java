package dev.octogate.cla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.signin.MutableClock;
import dev.octogate.store.Actor;
import dev.octogate.store.Agreement;
import dev.octogate.store.AgreementVersion;
import dev.octogate.store.ChangeKind;
import dev.octogate.store.Signature;
import dev.octogate.store.StoreUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of signing, against the stores in memory. */
class SigningTest {

    static final Signer MONA = new Signer(2, "monalisa");
    static final Actor ADMIN = Actor.user(1, "octocat");

    MutableClock clock;
    MemoryStores stores;
    Signing signing;
    Agreement agreement;

    @BeforeEach
    void setUp() {
        clock = MutableClock.startingAt2024();
        stores = new MemoryStores(clock);
        signing = new Signing(stores, stores, clock);
        agreement = stores.create("individual", "Individual CLA", List.of(new Agreement.ExtraField("company", "Company")),
                false, ADMIN).orElseThrow();
        publish(1, ChangeKind.MATERIAL, "The first text.");
    }

    void publish(int number, ChangeKind change, String text) {
        stores.publish(new AgreementVersion(agreement.id(), number, change, "change " + number, text, "<p>" + text + "</p>",
                TextHash.of(text), clock.instant()), ADMIN).orElseThrow();
    }

    static SignForm form(String version) {
        return new SignForm("Mona Lisa", "mona@example.org", Map.of("company", "Octo Inc"), true, version);
    }

    @Test
    void aGoodFormIsStoredWithTheTextsHashTheFieldsAndTheTime() {
        Signature signed = assertInstanceOf(SignOutcome.Signed.class, signing.sign("individual", MONA, form("1")))
                .signature();
        assertEquals(1, signed.version());
        assertEquals(TextHash.of("The first text."), signed.sha256());
        assertEquals(2, signed.userId());
        assertEquals("monalisa", signed.login());
        assertEquals(List.of("name", "email", "company"), List.copyOf(signed.fields().keySet()), "in the form's order");
        assertEquals(clock.instant(), signed.signedAt());
        assertTrue(signed.id().length() >= 22 && signed.id().matches("[A-Za-z0-9_-]+"), signed.id());
        assertEquals(signed, stores.byId(signed.id()).orElseThrow(), "stored before anything is shown");
        assertTrue(stores.auditEntries().stream().anyMatch(e -> e.action().equals("signature stored")));
    }

    @Test
    void idsAreUnguessable() {
        String first = assertInstanceOf(SignOutcome.Signed.class, signing.sign("individual", MONA, form("1"))).signature().id();
        String second = assertInstanceOf(SignOutcome.Signed.class,
                signing.sign("individual", new Signer(3, "hubot"), form("1"))).signature().id();
        assertNotEquals(first, second);
    }

    @Test
    void aCoveredUserGetsTheirReceiptAndNothingIsStoredTwice() {
        Signature first = assertInstanceOf(SignOutcome.Signed.class, signing.sign("individual", MONA, form("1"))).signature();
        SignOutcome again = signing.sign("individual", MONA, form("1"));
        assertEquals(first, assertInstanceOf(SignOutcome.AlreadyCovered.class, again).existing());
        assertEquals(1, stores.byUser(2).size());
    }

    @Test
    void anEditorialVersionKeepsTheSignatureCoveringAMaterialOneAsksAgain() {
        signing.sign("individual", MONA, form("1"));
        publish(2, ChangeKind.EDITORIAL, "The first text, corrected.");
        assertInstanceOf(SignOutcome.AlreadyCovered.class, signing.sign("individual", MONA, form("2")));
        publish(3, ChangeKind.MATERIAL, "A new text.");
        Signature renewed = assertInstanceOf(SignOutcome.Signed.class, signing.sign("individual", MONA, form("3")))
                .signature();
        assertEquals(3, renewed.version());
    }

    @Test
    void aFormOfAnotherVersionIsRefusedSoNobodySignsATextTheyDidNotSee() {
        publish(2, ChangeKind.MATERIAL, "A second text.");
        SignOutcome.VersionChanged changed = assertInstanceOf(SignOutcome.VersionChanged.class,
                signing.sign("individual", MONA, form("1")));
        assertEquals(2, changed.offer().current().number());
        assertEquals(1, changed.shown());
        assertInstanceOf(SignOutcome.VersionChanged.class, signing.sign("individual", MONA, form("")));
        assertInstanceOf(SignOutcome.VersionChanged.class, signing.sign("individual", MONA, form("two")));
        assertTrue(stores.byUser(2).isEmpty());
    }

    @Test
    void everyMissingOrWrongFieldIsNamedAndNothingIsStored() {
        SignOutcome.Invalid invalid = assertInstanceOf(SignOutcome.Invalid.class, signing.sign("individual", MONA,
                new SignForm(" ", "not-an-email", Map.of("company", "x".repeat(201)), false, "1")));
        assertEquals(List.of("agree", "company", "email", "name"), invalid.problems().keySet().stream().sorted().toList());
        assertTrue(stores.byUser(2).isEmpty());
        assertInstanceOf(SignOutcome.Invalid.class, signing.sign("individual", MONA,
                new SignForm("Mona", "mona@example.org", Map.of(), true, "1")), "the extra field is required");
    }

    @Test
    void unknownOrUnpublishedAgreementsAreNotFound() {
        assertInstanceOf(SignOutcome.NotFound.class, signing.sign("corporate", MONA, form("1")));
        stores.create("draft", "Not yet", List.of(), false, ADMIN);
        assertInstanceOf(SignOutcome.NotFound.class, signing.sign("draft", MONA, form("1")));
        assertTrue(signing.offer("draft", MONA).isEmpty());
    }

    @Test
    void revokingEndsCoverageAndOnlyTheSignerMayRevoke() {
        Signature signed = assertInstanceOf(SignOutcome.Signed.class, signing.sign("individual", MONA, form("1")))
                .signature();
        assertFalse(signing.revoke(signed.id(), new Signer(3, "hubot")), "not theirs");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(signing.revoke(signed.id(), MONA));
        assertFalse(signing.revoke(signed.id(), MONA), "once");
        Signature revoked = stores.byId(signed.id()).orElseThrow();
        assertEquals(clock.instant(), revoked.revokedAt());
        assertTrue(signing.offer("individual", MONA).orElseThrow().covering().isEmpty());
        assertInstanceOf(SignOutcome.Signed.class, signing.sign("individual", MONA, form("1")), "and may sign again");
    }

    @Test
    void aDatabaseThatDoesNotAnswerSignsNothing() {
        stores.down = true;
        assertThrows(StoreUnavailable.class, () -> signing.sign("individual", MONA, form("1")));
        stores.down = false;
        assertTrue(stores.byUser(2).isEmpty());
    }
}
