package dev.octogate.signin;

import dev.octogate.github.GitHubUser;
import java.time.Instant;
import java.util.List;

/**
 * Who is signed in to this session, with the token that proves it. Immutable: a change (a
 * revalidation, a refreshed token) is a new value stored again, so shared session stores see it.
 * The session holds it sealed (see {@link SignedInSessions}), never as this class.
 *
 * @param accessToken      never logged or shown; {@link #toString()} hides it
 * @param tokenExpiresAt   null for tokens that do not expire
 * @param refreshToken     null unless the token expires
 * @param etag             of the last {@code GET /user}, for conditional revalidation
 * @param signedInAt       start of the absolute session lifetime
 * @param checkDueAt       when the token is next to be checked with GitHub
 * @param csrfToken        the anti-CSRF token of every form this session posts
 * @param admin            named by {@code APP_ADMINS} when signing in
 */
public record SignedInUser(
        GitHubUser profile,
        String accessToken,
        List<String> scopes,
        Instant tokenExpiresAt,
        String refreshToken,
        String etag,
        Instant signedInAt,
        Instant checkDueAt,
        String csrfToken,
        boolean admin) {

    public SignedInUser {
        scopes = List.copyOf(scopes);
    }

    public String login() {
        return profile.login();
    }

    public long id() {
        return profile.id();
    }

    /** After GitHub confirmed the token again; a new profile where GitHub sent one. */
    public SignedInUser revalidated(GitHubUser newProfile, String newEtag, Instant nextCheck) {
        return new SignedInUser(newProfile == null ? profile : newProfile, accessToken, scopes, tokenExpiresAt,
                refreshToken, newEtag == null ? etag : newEtag, signedInAt, nextCheck, csrfToken, admin);
    }

    /** After a refresh: the new token, everything else kept. */
    public SignedInUser withToken(String newAccessToken, Instant newExpiresAt, String newRefreshToken,
                                  Instant nextCheck) {
        return new SignedInUser(profile, newAccessToken, scopes, newExpiresAt,
                newRefreshToken, etag, signedInAt, nextCheck, csrfToken, admin);
    }

    /** The same, checked again later (after a GitHub outage). */
    public SignedInUser checkAgainAt(Instant nextCheck) {
        return new SignedInUser(profile, accessToken, scopes, tokenExpiresAt, refreshToken, etag, signedInAt,
                nextCheck, csrfToken, admin);
    }

    /** The compact form (see {@link CompactForm}), which the session holds sealed. */
    byte[] toBytes() {
        return new CompactForm.Writer(FORM_VERSION)
                .string(profile.login()).number(profile.id()).string(profile.name())
                .string(profile.avatarUrl()).string(profile.htmlUrl())
                .string(accessToken).string(String.join(" ", scopes)).instant(tokenExpiresAt).string(refreshToken)
                .string(etag).instant(signedInAt).instant(checkDueAt).string(csrfToken).bool(admin)
                .done();
    }

    /** Reads the compact form back. */
    static SignedInUser fromBytes(byte[] form) throws java.io.ObjectStreamException {
        CompactForm.Reader in = new CompactForm.Reader(form, FORM_VERSION);
        GitHubUser profile = new GitHubUser(in.string(), in.number(), in.string(), in.string(), in.string());
        String token = in.string();
        String scopes = in.string();
        return new SignedInUser(profile, token, scopes.isEmpty() ? List.of() : List.of(scopes.split(" ")),
                in.instant(), in.string(), in.string(), in.instant(), in.instant(), in.string(), in.bool());
    }

    private static final int FORM_VERSION = 1;

    @Override
    public String toString() {
        return "SignedInUser[" + profile.login() + " (" + profile.id() + ")]";
    }
}
