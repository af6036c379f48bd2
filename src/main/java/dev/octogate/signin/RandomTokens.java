package dev.octogate.signin;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values: {@code state}, PKCE verifiers, anti-CSRF tokens. */
public final class RandomTokens {

    private final SecureRandom random;

    public RandomTokens(SecureRandom random) {
        this.random = random;
    }

    public RandomTokens() {
        this(new SecureRandom());
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public String next(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
