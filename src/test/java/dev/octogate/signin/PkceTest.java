package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 3986 unreserved characters, 43 to 128 of them (RFC 7636 section 4.1). */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    /** RFC 7636 Appendix B: the 32 octets of the example verifier. */
    private static final byte[] RFC_OCTETS = {
            (byte) 116, (byte) 24, (byte) 223, (byte) 180, (byte) 151, (byte) 153, (byte) 224, (byte) 37,
            (byte) 79, (byte) 250, (byte) 96, (byte) 125, (byte) 216, (byte) 173, (byte) 187, (byte) 186,
            (byte) 22, (byte) 212, (byte) 37, (byte) 77, (byte) 105, (byte) 214, (byte) 191, (byte) 240,
            (byte) 91, (byte) 88, (byte) 5, (byte) 88, (byte) 83, (byte) 132, (byte) 141, (byte) 121};
    private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    /** A SecureRandom that hands out fixed bytes, so a test can predict the verifier. */
    private static SecureRandom fixed(byte[] bytes) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] out) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = bytes[i % bytes.length];
                }
            }
        };
    }

    @Test
    void challengeMatchesRfc7636AppendixB() {
        assertEquals(RFC_CHALLENGE, Pkce.challenge(RFC_VERIFIER));
    }

    @Test
    void verifierFromRfcOctetsMatchesRfc7636AppendixB() {
        String verifier = Pkce.newVerifier(new RandomTokens(fixed(RFC_OCTETS)));
        assertEquals(RFC_VERIFIER, verifier);
        assertEquals(RFC_CHALLENGE, Pkce.challenge(verifier));
    }

    @Test
    void challengeIsUnpaddedBase64Url() {
        String challenge = Pkce.challenge("a".repeat(43));
        assertEquals(43, challenge.length());
        assertTrue(challenge.matches("[A-Za-z0-9_-]{43}"), challenge);
    }

    @Test
    void verifierUsesUrlSafeAlphabetWithoutPadding() {
        // All-ones bytes are where standard base64 would produce '/' and '+'.
        String verifier = Pkce.newVerifier(new RandomTokens(fixed(new byte[] {(byte) 0xff, (byte) 0xfb, (byte) 0xef})));
        assertTrue(VERIFIER.matcher(verifier).matches(), verifier);
        assertFalse(verifier.contains("=") || verifier.contains("+") || verifier.contains("/"), verifier);
    }

    @Test
    void verifierLengthAndAlphabet() {
        RandomTokens random = new RandomTokens();
        for (int i = 0; i < 200; i++) {
            String verifier = Pkce.newVerifier(random);
            assertTrue(verifier.length() >= 43 && verifier.length() <= 128, verifier);
            assertTrue(VERIFIER.matcher(verifier).matches(), verifier);
        }
    }

    @Test
    void verifiersAreFresh() {
        RandomTokens random = new RandomTokens();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            assertTrue(seen.add(Pkce.newVerifier(random)));
        }
    }

    @Test
    void differentVerifiersGiveDifferentChallenges() {
        assertNotEquals(Pkce.challenge(RFC_VERIFIER), Pkce.challenge(RFC_VERIFIER.substring(1) + "A"));
    }
}
