package dev.octogate.auth;

import dev.octogate.github.GitHubUser;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Who is signed in to this session, with the token that proves it. Immutable: a change (a
 * revalidation, a refreshed token) is a new value stored again, so shared session stores see it.
 *
 * @param accessToken      never logged or shown; {@link #toString()} hides it
 * @param tokenExpiresAt   null for tokens that do not expire
 * @param refreshToken     null unless the token expires
 * @param etag             of the last {@code GET /user}, for conditional revalidation
 * @param signedInAt       start of the absolute session lifetime
 * @param checkDueAt       when the token is next to be checked with GitHub
 * @param csrfToken        the sign-out form's anti-CSRF token
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
        String csrfToken) implements Serializable {

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
                refreshToken, newEtag == null ? etag : newEtag, signedInAt, nextCheck, csrfToken);
    }

    /** After a refresh: the new token, everything else kept. */
    public SignedInUser withToken(String newAccessToken, Instant newExpiresAt, String newRefreshToken,
                                  Instant nextCheck) {
        return new SignedInUser(profile, newAccessToken, scopes, newExpiresAt,
                newRefreshToken, etag, signedInAt, nextCheck, csrfToken);
    }

    /** The same, checked again later (after a GitHub outage). */
    public SignedInUser checkAgainAt(Instant nextCheck) {
        return new SignedInUser(profile, accessToken, scopes, tokenExpiresAt, refreshToken, etag, signedInAt,
                nextCheck, csrfToken);
    }

    /** Stored in the compact form: a session store keeps one of these per signed-in user. */
    @java.io.Serial
    private Object writeReplace() {
        return new Stored(new CompactForm.Writer(Stored.VERSION)
                .string(profile.login()).number(profile.id()).string(profile.name())
                .string(profile.avatarUrl()).string(profile.htmlUrl())
                .string(accessToken).string(String.join(" ", scopes)).instant(tokenExpiresAt).string(refreshToken)
                .string(etag).instant(signedInAt).instant(checkDueAt).string(csrfToken)
                .done());
    }

    /** The serialised form of a {@link SignedInUser}. */
    private record Stored(byte[] form) implements Serializable {
        static final int VERSION = 1;

        @java.io.Serial
        private Object readResolve() throws java.io.ObjectStreamException {
            CompactForm.Reader in = new CompactForm.Reader(form, VERSION);
            GitHubUser profile = new GitHubUser(in.string(), in.number(), in.string(), in.string(), in.string());
            String token = in.string();
            String scopes = in.string();
            return new SignedInUser(profile, token, scopes.isEmpty() ? List.of() : List.of(scopes.split(" ")),
                    in.instant(), in.string(), in.string(), in.instant(), in.instant(), in.string());
        }
    }

    @Override
    public String toString() {
        return "SignedInUser[" + profile.login() + " (" + profile.id() + ")]";
    }
}
