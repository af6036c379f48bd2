package dev.octogate.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): one secret, many independent keys, one per purpose. */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /** {@code length} bytes of key material for {@code info}, from {@code inputKey} and {@code salt}. */
    static byte[] derive(byte[] salt, byte[] inputKey, byte[] info, int length) {
        if (length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 gives at most 8160 bytes");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            // Extract: an empty salt is HashLen zero bytes (RFC 5869, 2.2).
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
            byte[] pseudoRandomKey = mac.doFinal(inputKey);
            // Expand: T(i) = HMAC(PRK, T(i-1) | info | i).
            mac.init(new SecretKeySpec(pseudoRandomKey, HMAC));
            byte[] out = new byte[length];
            byte[] previous = new byte[0];
            for (int i = 1, written = 0; written < length; i++) {
                mac.update(previous);
                mac.update(info);
                mac.update((byte) i);
                previous = mac.doFinal();
                int n = Math.min(previous.length, length - written);
                System.arraycopy(previous, 0, out, written, n);
                written += n;
            }
            Arrays.fill(pseudoRandomKey, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
