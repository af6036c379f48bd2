package dev.octogate.cla;

import dev.octogate.log.LogText;
import dev.octogate.store.Actor;
import dev.octogate.store.Agreement;
import dev.octogate.store.AgreementStore;
import dev.octogate.store.AgreementVersion;
import dev.octogate.store.Signature;
import dev.octogate.store.SignatureStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signing an agreement, as its rules say: the agreement and its current version must exist; a user
 * already covered gets their receipt and nothing is stored twice; a form showing another version
 * than the current one is refused, so that nobody signs a text they did not see; every field is
 * checked; then the signature is stored and committed before anyone is shown a receipt.
 */
public final class Signing {

    private static final Logger LOG = Logger.getLogger(Signing.class.getName());
    /** 16 bytes: the 128 random bits of an unguessable id, 22 URL-safe characters. */
    private static final int ID_BYTES = 16;

    private final AgreementStore agreements;
    private final SignatureStore signatures;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Signing(AgreementStore agreements, SignatureStore signatures, Clock clock) {
        this.agreements = agreements;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** What the signing form shows: the agreement, its current version, and the signer's covering signature. */
    public record Offer(Agreement agreement, AgreementVersion current, List<AgreementVersion> versions,
                        Optional<Signature> covering) {
    }

    public Optional<Offer> offer(String slug, Signer signer) {
        Optional<Agreement> agreement = agreements.bySlug(slug);
        if (agreement.isEmpty()) {
            return Optional.empty();
        }
        List<AgreementVersion> versions = agreements.versions(agreement.get().id());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        int lastMaterial = Coverage.lastMaterial(versions);
        Optional<Signature> covering = signer == null ? Optional.empty()
                : signatures.standing(agreement.get().id(), signer.userId(), lastMaterial);
        return Optional.of(new Offer(agreement.get(), versions.get(versions.size() - 1), versions, covering));
    }

    public SignOutcome sign(String slug, Signer signer, SignForm form) {
        Optional<Offer> found = offer(slug, signer);
        if (found.isEmpty()) {
            return new SignOutcome.NotFound();
        }
        Offer offer = found.get();
        if (offer.covering().isPresent()) {
            return new SignOutcome.AlreadyCovered(offer.covering().get());
        }
        AgreementVersion current = offer.current();
        if (!String.valueOf(current.number()).equals(form.version() == null ? "" : form.version().trim())) {
            return new SignOutcome.VersionChanged(offer, parse(form.version()));
        }
        Map<String, String> problems = problems(offer.agreement(), form);
        if (!problems.isEmpty()) {
            return new SignOutcome.Invalid(offer, problems);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", form.name().trim());
        fields.put("email", form.email().trim());
        for (Agreement.ExtraField field : offer.agreement().fields()) {
            fields.put(field.name(), form.extra().get(field.name()).trim());
        }
        String id = newId();
        Signature stored = signatures.sign(new SignatureStore.NewSignature(id, offer.agreement().id(),
                current.number(), signer.userId(), signer.login(), current.sha256(), fields, clock.instant()),
                Actor.user(signer.userId(), signer.login()));
        if (!stored.id().equals(id)) {
            return new SignOutcome.AlreadyCovered(stored); // a second submit, at the same moment, found the first
        }
        LOG.info(() -> "signature: login=" + LogText.clean(signer.login()) + " id=" + signer.userId()
                + " agreement=" + slug + " version=" + current.number() + " outcome=signed");
        return new SignOutcome.Signed(stored);
    }

    /** Revokes the signer's own signature: false when it is not theirs, or already revoked. */
    public boolean revoke(String signatureId, Signer signer) {
        Optional<Signature> signature = signatures.byId(signatureId);
        if (signature.isEmpty() || signature.get().userId() != signer.userId()) {
            return false;
        }
        boolean revoked = signatures.revoke(signatureId, signer.userId(), clock.instant(),
                Actor.user(signer.userId(), signer.login()));
        if (revoked) {
            LOG.info(() -> "signature: login=" + LogText.clean(signer.login()) + " id=" + signer.userId()
                    + " agreement=" + signature.get().agreementSlug() + " version=" + signature.get().version()
                    + " outcome=revoked");
        }
        return revoked;
    }

    private static Map<String, String> problems(Agreement agreement, SignForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        put(problems, "name", Fields.problem(form.name()));
        put(problems, "email", Fields.emailProblem(form.email()));
        for (Agreement.ExtraField field : agreement.fields()) {
            put(problems, field.name(), Fields.problem(form.extra().get(field.name())));
        }
        if (!form.agree()) {
            problems.put("agree", "Please tick the box to agree.");
        }
        return problems;
    }

    private static void put(Map<String, String> problems, String field, String problem) {
        if (problem != null) {
            problems.put(field, problem);
        }
    }

    private static int parse(String version) {
        try {
            return Integer.parseInt(version == null ? "" : version.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String newId() {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
